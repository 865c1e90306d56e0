package com.tictactoe.infrastructure;

import java.time.Duration;

/**
 * Where the timing of each DynamoDB call goes: the server's metrics where it has them
 * ({@link com.tictactoe.infrastructure.microprofile.MicroProfileDynamoCallMetrics}), nowhere
 * otherwise ({@link UncountedDynamoCalls}).
 */
public interface DynamoCallMetrics {

    /** Does nothing: for clients made outside a container. */
    DynamoCallMetrics NONE = new DynamoCallMetrics() {
        @Override
        public void succeeded(String operation, Duration took) {}

        @Override
        public void failed(String operation, Duration took, String error) {}
    };

    /** A call that returned, retries included in {@code took}. */
    void succeeded(String operation, Duration took);

    /**
     * A call that ended in an exception: {@code error} is DynamoDB's error code (for example
     * {@code ConditionalCheckFailedException}, a refused write, or
     * {@code ProvisionedThroughputExceededException}) or, when no answer came, the SDK's exception.
     */
    void failed(String operation, Duration took, String error);
}
