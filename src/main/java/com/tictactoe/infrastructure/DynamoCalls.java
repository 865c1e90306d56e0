package com.tictactoe.infrastructure;

import com.tictactoe.domain.StoreBusyException;
import com.tictactoe.domain.StoreUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** How the DAOs make a DynamoDB call. */
final class DynamoCalls {

    private DynamoCalls() {}

    /**
     * Runs one call. Throttling that outlasts the SDK's retries with backoff becomes
     * {@link StoreBusyException}; other faults of the service or the network become
     * {@link StoreUnavailableException}; a failed condition passes through. A throttled attempt is
     * refused before DynamoDB does any of its work, so a throttled write wrote nothing.
     */
    static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ResourceNotFoundException e) {
            throw new StoreUnavailableException("A table is missing", e);
        } catch (AwsServiceException e) {
            if (isThrottling(e)) {
                throw new StoreBusyException(e);
            }
            if (e.statusCode() >= 500) {
                throw new StoreUnavailableException("DynamoDB is not serving requests now", e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("DynamoDB cannot be reached", e);
        }
    }

    /** The result of a call run on another thread, its fault thrown here as it was thrown there. */
    static <T> T joined(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static boolean isThrottling(AwsServiceException e) {
        return e instanceof ProvisionedThroughputExceededException
                || e instanceof RequestLimitExceededException
                || e instanceof ThrottlingException
                || e.isThrottlingException();
    }
}
