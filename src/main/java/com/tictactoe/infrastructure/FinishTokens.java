package com.tictactoe.infrastructure;

import java.util.UUID;

/**
 * The ClientRequestToken of a finishing transaction. DynamoDB answers a transaction with the token
 * of one it carried out within the last ten minutes as done, without doing it again: so the SDK's
 * retry of a call whose answer was lost (the same request, token and all) is answered as the
 * success it was, instead of failing the game's condition on the state its first attempt wrote.
 * Set here rather than left to the SDK, so that this does not rest on a default.
 *
 * <p>One token per call, never one derived from the game alone: two servers that decide the same
 * ending at the same instant (two sweeps with one clock) would send equal transactions, and the
 * second would be told "done" as well, so the game's end would be announced and counted twice.
 * With a token each, the second fails the condition, as any second attempt does.
 */
final class FinishTokens {

    private FinishTokens() {}

    static String next() {
        return UUID.randomUUID().toString();
    }
}
