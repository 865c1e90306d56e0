package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.ThrottlingInterceptor;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The readiness probe against DynamoDB Local: both tables, one missing, nothing listening, throttling, its cache. */
class StoreProbeOnDynamoDbTest {

    private static DynamoDbSettings settings;
    private static DynamoDbClient admin;

    private final AtomicLong now = new AtomicLong();
    private final ThrottlingInterceptor throttling = new ThrottlingInterceptor();

    @BeforeAll
    static void createTables() {
        settings = settingsFor(
                DynamoDbLocalSession.endpoint(), "Games-" + UUID.randomUUID(), "Users-" + UUID.randomUUID());
        admin = DynamoDbClients.create(settings);
        TableBootstrap.createMissing(
                admin,
                List.of(
                        GamesTable.definition(settings.gamesTable()),
                        UsersTable.definition(settings.usersTable()),
                        RecordsTable.definition(settings.recordsTable())));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    private static final String RECORDS = "Records-" + UUID.randomUUID();

    private static DynamoDbSettings settingsFor(String endpoint, String games, String users) {
        return settingsFor(endpoint, games, users, RECORDS);
    }

    private static DynamoDbSettings settingsFor(String endpoint, String games, String users, String records) {
        return new DynamoDbSettings(Optional.of(URI.create(endpoint)), Optional.empty(), games, users, records, false);
    }

    private StoreProbe probe(DynamoDbSettings of) {
        return StoreProbe.of(of, List.of(throttling), now::get);
    }

    @Test
    void readyWhenEveryTableAnswersWithOneReadOfEach() {
        try (StoreProbe probe = probe(settings)) {
            assertTrue(probe.ready());
            assertEquals(3, throttling.attempts("GetItem"), "one read of each table");
        }
    }

    @Test
    void notReadyWhenATableIsMissing() {
        try (StoreProbe games =
                        probe(settingsFor(DynamoDbLocalSession.endpoint(), settings.gamesTable(), "NoSuchUsers"));
                StoreProbe users =
                        probe(settingsFor(DynamoDbLocalSession.endpoint(), "NoSuchGames", settings.usersTable()));
                StoreProbe records = probe(settingsFor(
                        DynamoDbLocalSession.endpoint(),
                        settings.gamesTable(),
                        settings.usersTable(),
                        "NoSuchRecords"))) {
            assertFalse(games.ready());
            assertFalse(users.ready());
            assertFalse(records.ready(), "no game could finish without the records");
        }
    }

    @Test
    void notReadyWhenNothingAnswersAndSoonSaysSo() {
        String nowhere = "http://127.0.0.1:" + DynamoDbLocal.freePort();
        try (StoreProbe probe = probe(settingsFor(nowhere, settings.gamesTable(), settings.usersTable()))) {
            long started = System.nanoTime();
            assertFalse(probe.ready());
            assertTrue(
                    System.nanoTime() - started < StoreProbe.PROBE_TIMEOUT.toNanos() * 2, "one attempt, not retries");
        }
    }

    @Test
    void aThrottledReadStillMeansReady() {
        throttling.throttleAlways("GetItem");
        try (StoreProbe probe = probe(settings)) {
            assertTrue(probe.ready());
            assertEquals(3, throttling.attempts("GetItem"), "one read per table, no retries");
        }
    }

    @Test
    void theAnswerIsKeptForTwoSecondsThenAskedAgain() {
        try (StoreProbe probe =
                probe(settingsFor(DynamoDbLocalSession.endpoint(), settings.gamesTable(), "NoSuchUsers"))) {
            assertFalse(probe.ready());
            int reads = throttling.attempts("GetItem");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_999));
            assertFalse(probe.ready());
            assertEquals(reads, throttling.attempts("GetItem"), "within two seconds: no read");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
            assertFalse(probe.ready());
            assertTrue(throttling.attempts("GetItem") > reads, "after two seconds: read again");
        }
    }
}
