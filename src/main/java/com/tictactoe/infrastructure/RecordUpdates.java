package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.RecordsTable.*;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.Outcome;
import com.tictactoe.domain.Ranking;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a finished game adds to its players' records: four updates of the Records table, for the
 * same transaction as the write that finishes the game. Each ADDs one to a counter (and the ranking
 * change to the totals' score), which DynamoDB applies atomically and which creates an item that is
 * not there yet: a player's first game, or a player of the original app, who has no account. No
 * condition: the finishing write's condition decides whether the whole transaction happens.
 */
final class RecordUpdates {

    private final String table;

    RecordUpdates(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    /** The updates for a game just finished; none for a game its host played against themself. */
    List<TransactWriteItem> of(Game finished) {
        String host = finished.hostId();
        String opponent = finished.opponentId();
        if (host.equals(opponent)) {
            return List.of(); // the original never wrote one; one item cannot be updated twice in a call
        }
        Outcome hostOutcome = outcomeOf(finished, host);
        Outcome opponentOutcome = outcomeOf(finished, opponent);
        return List.of(
                totals(host, hostOutcome),
                totals(opponent, opponentOutcome),
                versus(host, opponent, hostOutcome),
                versus(opponent, host, opponentOutcome));
    }

    static Outcome outcomeOf(Game finished, String player) {
        return finished.winner()
                .map(winner -> winner.equals(player) ? Outcome.WIN : Outcome.LOSS)
                .orElse(Outcome.DRAW);
    }

    /* The score is added to even for a draw (by 0): it puts the player on the leaderboard's index. */
    private TransactWriteItem totals(String player, Outcome outcome) {
        Expression update = new Expression()
                .set(LEADER_SHARD, shard(player))
                .add(counter(outcome), 1)
                .add(SCORE, Ranking.change(outcome));
        return update(player, TOTAL, update);
    }

    private TransactWriteItem versus(String player, String opponent, Outcome outcome) {
        return update(player, RecordsTable.versus(opponent), new Expression().add(counter(outcome), 1));
    }

    private TransactWriteItem update(String player, String against, Expression update) {
        return TransactWriteItem.builder()
                .update(item -> item.tableName(table)
                        .key(Map.of(PLAYER_ID, AttributeValue.fromS(player), AGAINST, AttributeValue.fromS(against)))
                        .updateExpression(update.update())
                        .expressionAttributeNames(update.names())
                        .expressionAttributeValues(update.values()))
                .build();
    }

    static String counter(Outcome outcome) {
        return switch (outcome) {
            case WIN -> WINS;
            case LOSS -> LOSSES;
            case DRAW -> DRAWS;
        };
    }
}
