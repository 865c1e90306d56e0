package com.tictactoe.infrastructure;

import com.tictactoe.domain.StoreBusyException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Why DynamoDB cancelled a transaction whose first item is a game's conditional update, as the
 * same answers a single conditional write gets: a failed condition on the game is the conflict it
 * always was (with the game as it is), throttling is {@link StoreBusyException} as for any call.
 * DynamoDB gives one reason per item, in the order of the items; "None" for those that were fine.
 */
record Cancellation(List<CancellationReason> reasons) {

    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final Set<String> THROTTLED =
            Set.of("ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    static Cancellation of(TransactionCanceledException e) {
        return new Cancellation(e.hasCancellationReasons() ? e.cancellationReasons() : List.of());
    }

    static boolean retried(TransactionCanceledException e) {
        return e.numAttempts() != null && e.numAttempts() > 1;
    }

    /** The game's condition failed: it is not in the state the change was decided on. */
    boolean conditionFailed() {
        return !reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code());
    }

    /** The game as it is, where the condition failed: null if the game does not exist. */
    Map<String, AttributeValue> item() {
        return reasons.isEmpty() ? null : reasons.get(0).item();
    }

    /** Another transaction was writing one of the items: nothing was written, and trying again is safe. */
    boolean conflicting() {
        return reasons.stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()));
    }

    /** What the caller is told when the transaction is not tried again. */
    RuntimeException failure(TransactionCanceledException e) {
        boolean throttled = reasons.stream().anyMatch(reason -> THROTTLED.contains(reason.code()));
        return throttled || conflicting() ? new StoreBusyException(e) : e;
    }
}
