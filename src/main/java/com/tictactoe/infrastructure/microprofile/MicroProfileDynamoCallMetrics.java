package com.tictactoe.infrastructure.microprofile;

import com.tictactoe.infrastructure.DynamoCallMetrics;
import com.tictactoe.infrastructure.MicroProfileAdapters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * DynamoDB calls in the server's MicroProfile Metrics (application scope), in Prometheus text as
 * {@code tictactoe_dynamodb_calls_total{operation}}, {@code tictactoe_dynamodb_errors_total{operation,error}}
 * and the summary {@code tictactoe_dynamodb_call_microseconds{operation}} ({@code _count}, {@code _sum},
 * {@code _max}, quantiles). No bean-defining annotation: {@link MicroProfileAdapters} makes it a
 * bean only where the API exists.
 *
 * <p>Why a histogram in microseconds and not a MicroProfile Timer: Payara 6.2025.10 writes a
 * timer's {@code _sum} in seconds but its quantiles, mean and max in nanoseconds, under one name.
 */
public class MicroProfileDynamoCallMetrics implements DynamoCallMetrics {

    static final Metadata CALLS = Metadata.builder()
            .withName("tictactoe.dynamodb.calls")
            .withDescription("DynamoDB calls made by the game, by operation (retries are part of one call)")
            .build();
    static final Metadata ERRORS = Metadata.builder()
            .withName("tictactoe.dynamodb.errors")
            .withDescription("DynamoDB calls that ended in an error, by operation and DynamoDB's error code"
                    + " (ConditionalCheckFailedException is a refused write, not a fault)")
            .build();
    static final Metadata LATENCY = Metadata.builder()
            .withName("tictactoe.dynamodb.call.microseconds")
            .withDescription(
                    "Time of a DynamoDB call from its first attempt to its answer, in microseconds," + " by operation")
            .build();

    /** Injected: {@link MicroProfileAdapters} gives the field its {@code @Inject}. */
    private MetricRegistry registry;

    private final Map<String, Meters> byOperation = new ConcurrentHashMap<>();

    @Override
    public void succeeded(String operation, Duration took) {
        count(operation, took);
    }

    @Override
    public void failed(String operation, Duration took, String error) {
        count(operation, took);
        registry.counter(ERRORS, new Tag("operation", operation), new Tag("error", error))
                .inc();
    }

    private void count(String operation, Duration took) {
        Meters meters = byOperation.computeIfAbsent(operation, this::register);
        meters.calls().inc();
        meters.latency().update(took.toNanos() / 1_000);
    }

    /* Looked up once per operation: the registry builds and checks a metric's id on every lookup. */
    private Meters register(String operation) {
        Tag tag = new Tag("operation", operation);
        return new Meters(registry.counter(CALLS, tag), registry.histogram(LATENCY, tag));
    }

    private record Meters(Counter calls, Histogram latency) {}
}
