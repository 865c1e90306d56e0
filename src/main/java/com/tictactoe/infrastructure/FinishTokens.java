package com.tictactoe.infrastructure;

import com.tictactoe.domain.Game;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ClientRequestToken of a finishing transaction. DynamoDB answers a transaction with the token
 * of one it carried out within the last ten minutes as done, without doing it again: so the SDK's
 * retry of a call whose answer was lost is answered as the success it was. The token is made from
 * the finished state (the game, its status and date to the microsecond, result, ending and order
 * of play) and the attempt: two different requests to finish one game never share a token (one
 * that did would be refused for other parameters), and the same request's retries by the SDK do.
 * At most 36 characters are allowed: a name-based UUID is 36.
 */
final class FinishTokens {

    private FinishTokens() {}

    static String of(Game finished, int attempt) {
        String state = String.join(
                "|",
                finished.gameId(),
                StatusDates.format(finished.statusDate()),
                GameItems.resultValue(finished),
                String.valueOf(finished.ending()),
                MoveOrders.format(finished.board().playedOrder()),
                Integer.toString(attempt));
        return UUID.nameUUIDFromBytes(state.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
