package com.tictactoe.infrastructure;

import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every call of the client, by operation name ({@code GetItem}, {@code UpdateItem}, ...),
 * from before its first attempt to its answer: retries and their backoff are part of the time,
 * as the player waits for them too.
 */
final class DynamoCallTiming implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("tictactoe.started");

    private final DynamoCallMetrics metrics;

    DynamoCallTiming(DynamoCallMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (counted(attributes)) {
            metrics.succeeded(operation(attributes), took(attributes));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (counted(attributes)) {
            metrics.failed(operation(attributes), took(attributes), errorName(context.exception()));
        }
    }

    /** DynamoDB's own error code when it answered; the exception's class when it did not. */
    static String errorName(Throwable error) {
        if (error instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return error.getClass().getSimpleName();
    }

    private static boolean counted(ExecutionAttributes attributes) {
        return attributes.getAttribute(STARTED) != null;
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "unknown" : name;
    }

    private static Duration took(ExecutionAttributes attributes) {
        return Duration.ofNanos(System.nanoTime() - attributes.getAttribute(STARTED));
    }
}
