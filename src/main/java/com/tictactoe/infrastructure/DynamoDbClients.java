package com.tictactoe.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the DynamoDB client the settings describe. */
public final class DynamoDbClients {

    /*
     * Short timeouts: a player waits for each call, and an unreachable DynamoDB should turn into
     * a "try again shortly" page within seconds, not hang the request threads.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    /*
     * Retries. Why the STANDARD strategy and not ADAPTIVE: adaptive mode puts one client-side
     * rate limiter in front of the whole client, so a single hot game item (or the Users table)
     * being throttled would slow every other player's calls through this shared client, and its
     * delays depend on the recent history of the process, which makes the wait a player sees
     * unpredictable. Standard mode backs off per call only, and keeps AWS's retry rules (which
     * error codes are throttling, which are transient) and its retry-token bucket, which stops
     * retrying altogether when most calls of this client fail, instead of multiplying the load
     * on a table that is already over its capacity.
     *
     * Throttled attempts wait with exponential backoff and "half" jitter: before retry n the
     * wait is between half and all of min(100 ms * 2^(n-1), 1 s). The floor (50, 100, 200,
     * 400 ms) gives a partition's per-second capacity time to come back instead of hitting it
     * again at once; the random half spreads the retries of players who were throttled together.
     * Five attempts wait 0.75 to 1.5 s in all: a throttled call that succeeds on its last
     * attempt still ends far inside CALL_TIMEOUT, which stays the hard bound for every call.
     * Other retryable faults (5xx, broken connections, attempt timeouts) keep full jitter on a
     * shorter base: they are not about capacity, and the attempt timeout already slows them.
     */
    static final int MAX_ATTEMPTS = 5;
    static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    static final Duration BASE_DELAY = Duration.ofMillis(50);
    /** Also for keys a batch read left unprocessed, which is DynamoDB throttling part of a batch. */
    static final BackoffStrategy THROTTLING_BACKOFF =
            BackoffStrategy.exponentialDelayHalfJitter(THROTTLED_BASE_DELAY, MAX_BACKOFF);

    private DynamoDbClients() {}

    public static DynamoDbClient create(DynamoDbSettings settings) {
        return create(settings, DynamoCallMetrics.NONE, List.of());
    }

    /**
     * As {@link #create(DynamoDbSettings)}, with interceptors that see every attempt of every
     * call: for tests that fake faults in front of the real endpoint.
     */
    public static DynamoDbClient create(DynamoDbSettings settings, List<ExecutionInterceptor> interceptors) {
        return create(settings, DynamoCallMetrics.NONE, interceptors);
    }

    /** A client whose every call is timed into {@code metrics} by operation name; then the interceptors. */
    public static DynamoDbClient create(
            DynamoDbSettings settings, DynamoCallMetrics metrics, List<ExecutionInterceptor> interceptors) {
        List<ExecutionInterceptor> all = new ArrayList<>();
        all.add(new DynamoCallTiming(metrics));
        all.addAll(interceptors);
        return build(settings, retryStrategy(), CALL_TIMEOUT, all);
    }

    /**
     * For a readiness probe: one attempt, answered or given up within {@code timeout}. A probe is
     * asked again soon anyway, and a throttled attempt should be seen as the answer it is (the
     * table is there) instead of being retried until the probe's own timeout.
     */
    static DynamoDbClient forProbe(
            DynamoDbSettings settings, Duration timeout, List<ExecutionInterceptor> interceptors) {
        RetryStrategy once = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(1)
                .build();
        return build(settings, once, timeout, interceptors);
    }

    private static DynamoDbClient build(
            DynamoDbSettings settings,
            RetryStrategy retries,
            Duration callTimeout,
            List<ExecutionInterceptor> interceptors) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(config -> config.retryStrategy(retries)
                        .executionInterceptors(List.copyOf(interceptors))
                        .apiCallAttemptTimeout(
                                ATTEMPT_TIMEOUT.compareTo(callTimeout) < 0 ? ATTEMPT_TIMEOUT : callTimeout)
                        .apiCallTimeout(callTimeout));
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().map(Region::of).ifPresent(builder::region);
        if (settings.isLocal()) {
            // DynamoDB Local accepts any key; real AWS credentials come from the default chain.
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            if (settings.region().isEmpty()) {
                builder.region(Region.US_EAST_1);
            }
        }
        return builder.build();
    }

    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .throttlingBackoffStrategy(THROTTLING_BACKOFF)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                .build();
    }
}
