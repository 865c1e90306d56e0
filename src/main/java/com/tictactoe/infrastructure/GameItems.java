package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.GamesTable.*;

import com.tictactoe.domain.Board;
import com.tictactoe.domain.Ending;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Mark;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.StatusDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts games to and from items in the original's format. */
final class GameItems {

    private GameItems() {}

    static Map<String, AttributeValue> toItem(Game game) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(GAME_ID, s(game.gameId()));
        item.put(HOST_ID, s(game.hostId()));
        if (game.opponentId() != null) {
            // An open challenge has none, and is in the opponents' index only once someone takes it.
            item.put(OPPONENT_ID, s(game.opponentId()));
        }
        item.put(O_USER, s(game.oUser()));
        item.put(TURN, s(turnValue(game)));
        item.put(STATUS_DATE, s(StatusDates.format(game.statusDate())));
        if (game.status() == GameStatus.FINISHED) {
            item.put(RESULT, s(resultValue(game)));
        }
        game.board().marks().forEach((square, mark) -> item.put(SquareAttributes.of(square), s(mark.name())));
        MoveOrders.value(game.board().playedOrder()).ifPresent(moves -> item.put(MOVES, s(moves)));
        if (game.turnSince() != null) {
            item.put(TURN_SINCE, s(time(game.turnSince())));
        }
        if (game.ending() != null) {
            item.put(ENDING, s(game.ending().name()));
        }
        return item;
    }

    static Game toGame(Map<String, AttributeValue> item) {
        StatusDate statusDate = StatusDates.parse(string(item, STATUS_DATE));
        Map<Square, Mark> marks = new EnumMap<>(Square.class);
        for (Square square : Square.values()) {
            String mark = string(item, SquareAttributes.of(square));
            if (mark != null) {
                marks.put(square, Mark.valueOf(mark));
            }
        }
        return new Game(
                string(item, GAME_ID),
                string(item, HOST_ID),
                string(item, OPPONENT_ID),
                string(item, O_USER),
                turnOf(item, statusDate.status()),
                statusDate,
                winnerIn(item),
                Board.of(marks, MoveOrders.parse(string(item, MOVES))),
                statusDate.status() == GameStatus.IN_PROGRESS ? instantIn(item, TURN_SINCE) : null,
                endingIn(item, statusDate.status()));
    }

    /** A time as stored: ISO-8601 in UTC, to the microsecond, as domain values keep it. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static Instant instantIn(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    private static Ending endingIn(Map<String, AttributeValue> item, GameStatus status) {
        String value = string(item, ENDING);
        return value == null || status != GameStatus.FINISHED ? null : Ending.valueOf(value);
    }

    static GameSummary toSummary(Map<String, AttributeValue> item) {
        StatusDate statusDate = StatusDates.parse(string(item, STATUS_DATE));
        return new GameSummary(
                string(item, GAME_ID),
                string(item, HOST_ID),
                string(item, OPPONENT_ID),
                statusDate,
                turnOf(item, statusDate.status()),
                winnerIn(item));
    }

    /** The stored Result of a finished game: the winner, or the original's word for a draw. */
    static String resultValue(Game game) {
        return game.winner().orElse(TIE);
    }

    private static String winnerIn(Map<String, AttributeValue> item) {
        String result = string(item, RESULT);
        return TIE.equals(result) ? null : result;
    }

    static String turnValue(Game game) {
        return game.turn() == null ? NO_TURN : game.turn();
    }

    /** The player to move, or null where the item says nobody is. */
    static String turnOf(Map<String, AttributeValue> item) {
        String turn = string(item, TURN);
        return NO_TURN.equals(turn) ? null : turn;
    }

    private static String turnOf(Map<String, AttributeValue> item, GameStatus status) {
        String turn = string(item, TURN);
        return status == GameStatus.FINISHED || NO_TURN.equals(turn) ? null : turn;
    }

    static Map<String, AttributeValue> key(String gameId) {
        return Map.of(GAME_ID, s(gameId));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
