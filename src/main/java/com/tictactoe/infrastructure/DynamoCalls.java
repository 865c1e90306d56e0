package com.tictactoe.infrastructure;

import com.tictactoe.domain.StoreUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** How the DAOs make a DynamoDB call. */
final class DynamoCalls {

    private DynamoCalls() {
    }

    /**
     * Runs one call. Faults of the service or the network (after the SDK's own retries with
     * backoff) become {@link StoreUnavailableException}; a failed condition passes through.
     */
    static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ResourceNotFoundException e) {
            throw new StoreUnavailableException("A table is missing", e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailableException("DynamoDB is not serving requests now", e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("DynamoDB cannot be reached", e);
        }
    }
}
