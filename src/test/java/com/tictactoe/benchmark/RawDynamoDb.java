package com.tictactoe.benchmark;

import com.sun.management.OperatingSystemMXBean;
import com.tictactoe.infrastructure.GamesTable;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local's own limit on this machine, in the same run: client threads call it as fast as
 * they can, with the requests the app makes most (a consistent GetItem of one game, a Query of a
 * lobby list: ten items of a player's index, newest first, and a move's conditional UpdateItem of
 * a game's turn and a square), at 2 threads and at 8. DynamoDB Local runs in the benchmark's JVM,
 * so that JVM's CPU during the loop is what a call costs the machine, server and client together.
 */
final class RawDynamoDb {

    /** Calls per second of each kind, and the CPU a call took (DynamoDB Local and its client). */
    record Rates(
            int threads,
            double getItemPerSecond,
            double queryPerSecond,
            double updateItemPerSecond,
            double cpuMsPerCall) {

        String summary() {
            return String.format(
                    "%d client threads: %.0f GetItem/s, %.0f Query/s, %.0f UpdateItem/s, %.2f ms CPU per call",
                    threads, getItemPerSecond, queryPerSecond, updateItemPerSecond, cpuMsPerCall);
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private RawDynamoDb() {}

    /**
     * Writes go to an item of their own ({@code updatedId}, created here), never to a game of the
     * app: a move's update expression and condition on a game outside both indexes, as a move is.
     */
    static Rates measure(
            DynamoDbClient client,
            String table,
            String gameId,
            String hostId,
            String updatedId,
            int threads,
            double seconds)
            throws InterruptedException {
        Map<String, AttributeValue> key = Map.of(GamesTable.GAME_ID, AttributeValue.fromS(gameId));
        Map<String, AttributeValue> updatedKey = Map.of(GamesTable.GAME_ID, AttributeValue.fromS(updatedId));
        client.putItem(put -> put.tableName(table)
                .item(Map.of(GamesTable.GAME_ID, AttributeValue.fromS(updatedId), "Turn", AttributeValue.fromS("x"))));
        AtomicLong turn = new AtomicLong();
        Measured getItems = rate(
                threads,
                seconds,
                c -> c.getItem(get -> get.tableName(table).key(key).consistentRead(true)),
                client);
        Measured queries = rate(
                threads,
                seconds,
                c -> c.query(query -> query.tableName(table)
                        .indexName(GamesTable.HOST_INDEX)
                        .keyConditionExpression("#h = :h AND begins_with(#s, :s)")
                        .expressionAttributeNames(Map.of("#h", GamesTable.HOST_ID, "#s", GamesTable.STATUS_DATE))
                        .expressionAttributeValues(
                                Map.of(":h", AttributeValue.fromS(hostId), ":s", AttributeValue.fromS("FINISHED_")))
                        .scanIndexForward(false)
                        .limit(10)),
                client);
        Measured updates = rate(
                threads,
                seconds,
                c -> {
                    long next = turn.incrementAndGet();
                    c.updateItem(update -> update.tableName(table)
                            .key(updatedKey)
                            .updateExpression("SET #t = :next, #sq = :mark")
                            .conditionExpression("attribute_exists(#id) AND #t <> :next")
                            .expressionAttributeNames(Map.of("#t", "Turn", "#sq", "TopLeft", "#id", GamesTable.GAME_ID))
                            .expressionAttributeValues(Map.of(
                                    ":next",
                                    AttributeValue.fromS("t" + next),
                                    ":mark",
                                    AttributeValue.fromS(next % 2 == 0 ? "O" : "X"))));
                },
                client);
        long calls = getItems.calls + queries.calls + updates.calls;
        double cpuMs = (getItems.cpuSeconds + queries.cpuSeconds + updates.cpuSeconds) * 1000;
        return new Rates(threads, getItems.perSecond, queries.perSecond, updates.perSecond, cpuMs / calls);
    }

    private record Measured(long calls, double perSecond, double cpuSeconds) {}

    private static Measured rate(int threads, double seconds, Consumer<DynamoDbClient> call, DynamoDbClient client)
            throws InterruptedException {
        for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; ) {
            call.accept(client); // warm the client and the server's code path
        }
        AtomicLong calls = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        double cpuBefore = OS.getProcessCpuTime() / 1e9;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < end) {
                                call.accept(client);
                                calls.incrementAndGet();
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "raw-dynamodb-" + t);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Measured(calls.get(), calls.get() / elapsed, OS.getProcessCpuTime() / 1e9 - cpuBefore);
    }
}
