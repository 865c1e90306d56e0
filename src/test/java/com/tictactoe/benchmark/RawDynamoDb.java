package com.tictactoe.benchmark;

import com.tictactoe.infrastructure.GamesTable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local's own limit on this machine, in the same run: a few client threads call it as fast
 * as they can, with the requests the app makes most (a consistent GetItem of one game, a Query of a
 * lobby list: ten items of a player's index, newest first).
 */
final class RawDynamoDb {

    record Rates(double getItemPerSecond, double queryPerSecond) {
    }

    private RawDynamoDb() {
    }

    static Rates measure(DynamoDbClient client, String table, String gameId, String hostId, int threads, double seconds)
            throws InterruptedException {
        Map<String, AttributeValue> key = Map.of(GamesTable.GAME_ID, AttributeValue.fromS(gameId));
        double getItems = rate(threads, seconds, c -> c.getItem(get -> get.tableName(table).key(key).consistentRead(true)),
                client);
        double queries = rate(threads, seconds, c -> c.query(query -> query.tableName(table)
                .indexName(GamesTable.HOST_INDEX)
                .keyConditionExpression("#h = :h AND begins_with(#s, :s)")
                .expressionAttributeNames(Map.of("#h", GamesTable.HOST_ID, "#s", GamesTable.STATUS_DATE))
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(hostId), ":s", AttributeValue.fromS("FINISHED_")))
                .scanIndexForward(false)
                .limit(10)), client);
        return new Rates(getItems, queries);
    }

    private static double rate(int threads, double seconds, Consumer<DynamoDbClient> call, DynamoDbClient client)
            throws InterruptedException {
        for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; ) {
            call.accept(client); // warm the client and the server's code path
        }
        AtomicLong calls = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        call.accept(client);
                        calls.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            }, "raw-dynamodb-" + t);
            thread.start();
        }
        done.await();
        return calls.get() / ((System.nanoTime() - start) / 1e9);
    }
}
