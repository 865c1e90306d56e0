package com.tictactoe.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * Plays a DynamoDB table over its capacity: the chosen operations are refused with
 * ProvisionedThroughputExceededException (or another of DynamoDB's throttling errors) on their
 * first attempts, before the request leaves
 * the client, so a refused attempt never reaches DynamoDB Local and cannot write anything.
 * The exception carries the error code and status DynamoDB sends, which is what the SDK's retry
 * rules look at. Every attempt of every operation is counted and its start time noted.
 */
public final class ThrottlingInterceptor implements ExecutionInterceptor {

    public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException";
    public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
    public static final String THROTTLING = "ThrottlingException";

    private final Map<String, AtomicInteger> refusalsLeft = new ConcurrentHashMap<>();
    private final Map<String, String> errorCodes = new ConcurrentHashMap<>();
    private final AtomicInteger batchesLeftUnprocessed = new AtomicInteger();
    private final Map<String, List<Long>> attemptTimes = new ConcurrentHashMap<>();

    /** The next {@code times} attempts of the operation (such as "UpdateItem") are throttled. */
    public void throttle(String operation, int times) {
        throttle(operation, times, PROVISIONED_THROUGHPUT_EXCEEDED);
    }

    /** As {@link #throttle(String, int)}, with one of the error codes above. */
    public void throttle(String operation, int times, String errorCode) {
        errorCodes.put(operation, errorCode);
        refusalsLeft.put(operation, new AtomicInteger(times));
    }

    /** Every attempt of the operation is throttled until {@link #reset()}. */
    public void throttleAlways(String operation) {
        throttle(operation, Integer.MAX_VALUE);
    }

    /**
     * The next {@code times} BatchGetItem calls succeed but process none of their keys, as
     * DynamoDB answers a batch whose reads it throttled: every key comes back as unprocessed.
     */
    public void leaveBatchesUnprocessed(int times) {
        batchesLeftUnprocessed.set(times);
    }

    /** No more throttling; the counts start again from zero. */
    public void reset() {
        refusalsLeft.clear();
        batchesLeftUnprocessed.set(0);
        errorCodes.clear();
        attemptTimes.clear();
    }

    public int attempts(String operation) {
        return attemptTimes(operation).size();
    }

    /** Every attempt of every operation since the last {@link #reset()}, counted by operation. */
    public Map<String, Integer> attemptsByOperation() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        attemptTimes.forEach((operation, times) -> counts.put(operation, times.size()));
        return counts;
    }

    /** When each attempt of the operation started, in System.nanoTime(). */
    public List<Long> attemptTimes(String operation) {
        return List.copyOf(attemptTimes.getOrDefault(operation, List.of()));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attemptTimes
                .computeIfAbsent(operation, name -> new CopyOnWriteArrayList<>())
                .add(System.nanoTime());
        AtomicInteger left = refusalsLeft.get(operation);
        if (left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw refusal(errorCodes.getOrDefault(operation, PROVISIONED_THROUGHPUT_EXCEEDED));
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof BatchGetItemResponse response
                && context.request() instanceof BatchGetItemRequest request
                && batchesLeftUnprocessed.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return response.toBuilder()
                    .responses(Map.of())
                    .unprocessedKeys(request.requestItems())
                    .build();
        }
        return context.response();
    }

    /** The exception the SDK itself would make of DynamoDB's 400 answer with this error code. */
    private static AwsServiceException refusal(String errorCode) {
        AwsServiceException.Builder builder = switch (errorCode) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> ProvisionedThroughputExceededException.builder();
            case REQUEST_LIMIT_EXCEEDED -> RequestLimitExceededException.builder();
            case THROTTLING -> ThrottlingException.builder();
            default -> throw new IllegalArgumentException(errorCode);
        };
        String message = "Throttled by the test (" + errorCode + ")";
        return builder.message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .errorMessage(message)
                        .serviceName("DynamoDb")
                        .build())
                .build();
    }
}
