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
 * Whether DynamoDB answers and the three tables are there, for a readiness check: one eventually
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
    /** One attempt per table, bounded: three reads take 3 s at most (give probes a timeout of 4 s or more). */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1000);
    /** No game id (a UUID) nor user key nor player id (letters, digits, '_' and '-') looks like this. */
    static final String ABSENT_KEY = "~readiness-probe~";

    private static final AttributeValue ABSENT = AttributeValue.fromS(ABSENT_KEY);

    private static final Logger LOG = Logger.getLogger(StoreProbe.class.getName());

    private final DynamoDbClient dynamo;
    private final List<GetItemRequest> reads;
    private final LongSupplier clock;

    private long checkedAt;
    private boolean ready;
    private boolean checked;

    /** A probe of the tables, with a client of its own made from the settings, closed with the probe. */
    static StoreProbe of(DynamoDbSettings settings) {
        return of(settings, List.of(), System::nanoTime);
    }

    static StoreProbe of(DynamoDbSettings settings, List<ExecutionInterceptor> interceptors, LongSupplier clock) {
        return new StoreProbe(DynamoDbClients.forProbe(settings, PROBE_TIMEOUT, interceptors), settings, clock);
    }

    /* The Records table too: without it no game could finish (its last write is a transaction with the records). */
    private StoreProbe(DynamoDbClient dynamo, DynamoDbSettings settings, LongSupplier clock) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.reads = List.of(
                absentItem(settings.gamesTable(), Map.of(GamesTable.GAME_ID, ABSENT)),
                absentItem(settings.usersTable(), Map.of(UsersTable.USER_KEY, ABSENT)),
                absentItem(
                        settings.recordsTable(), Map.of(RecordsTable.PLAYER_ID, ABSENT, RecordsTable.AGAINST, ABSENT)));
    }

    private static GetItemRequest absentItem(String table, Map<String, AttributeValue> key) {
        return GetItemRequest.builder()
                .tableName(table)
                .key(key)
                .projectionExpression(key.keySet().iterator().next())
                .build();
    }

    /** True if every table answered a read within the last {@link #FRESH_FOR}, reading them now if needed. */
    public synchronized boolean ready() {
        long now = clock.getAsLong();
        if (!checked || now - checkedAt >= FRESH_FOR.toNanos()) {
            boolean wasReady = ready;
            ready = readBoth();
            checked = true;
            checkedAt = clock.getAsLong();
            if (ready != wasReady) {
                LOG.info(() -> ready
                        ? "DynamoDB and every table answer: ready"
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
