package com.tictactoe.infrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Whether DynamoDB answers and both tables are there, for a readiness check: one eventually
 * consistent {@code GetItem} of a key that never exists in each table (0.5 read request units
 * each), with the permissions the game has anyway. The answer is kept for {@link #FRESH_FOR}, so
 * however many probes ask (load balancer, orchestrator, container engine), one server reads at
 * most one item per table every two seconds. A throttled read counts as ready: the table is there
 * and busy, and taking every server out of the load balancer would not make it less busy.
 *
 * <p>It has a client of its own, made from the same settings as the game's: its reads are not the
 * game's work, so they stay out of the game's DynamoDB metrics, and the check needs no bean of the
 * application (see {@link MicroProfileAdapters} for why that matters).
 */
public final class StoreProbe implements AutoCloseable {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** One attempt per table, bounded: two reads take 3 s at most (give probes a timeout of 4 s or more). */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);
    /** No game id (a UUID) nor user key (letters, digits, '_' and '-') looks like this. */
    static final String ABSENT_KEY = "~readiness-probe~";

    private static final Logger LOG = Logger.getLogger(StoreProbe.class.getName());

    private final DynamoDbClient dynamo;
    private final List<GetItemRequest> reads;
    private final LongSupplier clock;

    private long checkedAt;
    private boolean ready;
    private boolean checked;

    /** A probe of the tables, with a client of its own made from the settings, closed with the probe. */
    static StoreProbe of(DynamoDbSettings settings, String gamesTable, String usersTable) {
        return new StoreProbe(
                DynamoDbClients.forProbe(settings, PROBE_TIMEOUT, List.of()), gamesTable, usersTable, System::nanoTime);
    }

    static StoreProbe of(DynamoDbSettings settings, List<ExecutionInterceptor> interceptors, LongSupplier clock) {
        return new StoreProbe(
                DynamoDbClients.forProbe(settings, PROBE_TIMEOUT, interceptors),
                settings.gamesTable(),
                settings.usersTable(),
                clock);
    }

    private StoreProbe(DynamoDbClient dynamo, String gamesTable, String usersTable, LongSupplier clock) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.reads = List.of(absentItem(gamesTable, GamesTable.GAME_ID), absentItem(usersTable, UsersTable.USER_KEY));
    }

    private static GetItemRequest absentItem(String table, String keyAttribute) {
        return GetItemRequest.builder()
                .tableName(table)
                .key(Map.of(keyAttribute, AttributeValue.fromS(ABSENT_KEY)))
                .projectionExpression(keyAttribute)
                .build();
    }

    /** True if both tables answered a read within the last {@link #FRESH_FOR}, reading them now if needed. */
    public synchronized boolean ready() {
        long now = clock.getAsLong();
        if (!checked || now - checkedAt >= FRESH_FOR.toNanos()) {
            boolean wasReady = ready;
            ready = readBoth();
            checked = true;
            checkedAt = clock.getAsLong();
            if (ready != wasReady) {
                LOG.info(() -> ready
                        ? "DynamoDB and both tables answer: ready"
                        : "DynamoDB or a table does not answer: not ready");
            }
        }
        return ready;
    }

    private boolean readBoth() {
        for (GetItemRequest read : reads) {
            try {
                dynamo.getItem(read);
            } catch (AwsServiceException e) {
                if (!DynamoCalls.isThrottling(e)) {
                    LOG.fine(() -> "Readiness read of " + read.tableName() + " failed: " + e.getMessage());
                    return false;
                }
            } catch (SdkException e) {
                LOG.fine(() -> "Readiness read of " + read.tableName() + " failed: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
