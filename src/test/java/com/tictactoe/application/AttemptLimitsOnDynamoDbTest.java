package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.AttemptLimits.Limit;
import com.tictactoe.application.AttemptLimits.Refusal;
import com.tictactoe.application.AttemptLimits.SignInAttempt;
import com.tictactoe.infrastructure.DynamoAttemptCounterDao;
import com.tictactoe.infrastructure.DynamoDbClients;
import com.tictactoe.infrastructure.DynamoDbSettings;
import com.tictactoe.infrastructure.TableBootstrap;
import com.tictactoe.infrastructure.UsersTable;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sign-in and sign-up limits on DynamoDB Local, as two servers would count them: each
 * "server" has its own client and its own {@link AttemptLimits}, and they share the table.
 */
class AttemptLimitsOnDynamoDbTest {

    private static final AtomicLong HOURS = new AtomicLong();

    private static DynamoDbClient clientOne;
    private static DynamoDbClient clientTwo;
    private static String table;

    private ManualClock clock;
    private AttemptLimits serverOne;
    private AttemptLimits serverTwo;

    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    @BeforeAll
    static void createTable() {
        table = "Users-" + UUID.randomUUID();
        clientOne = client();
        clientTwo = client();
        TableBootstrap.createMissing(clientOne, List.of(UsersTable.definition(table)));
    }

    private static DynamoDbClient client() {
        return DynamoDbClients.create(new DynamoDbSettings(
                Optional.of(URI.create(DynamoDbLocalSession.endpoint())), Optional.empty(), "Games", table, true));
    }

    @AfterAll
    static void dropTable() {
        clientOne.deleteTable(delete -> delete.tableName(table));
        clientOne.close();
        clientTwo.close();
    }

    /** Every test in an hour of its own, a minute into it, so that no counts carry over. */
    @BeforeEach
    void twoServers() {
        clock = new ManualClock(Instant.parse("2031-01-01T00:01:00Z").plus(Duration.ofHours(HOURS.incrementAndGet())));
        serverOne = new AttemptLimits(new DynamoAttemptCounterDao(clientOne, table), clock, Set.of("10.9.9.9"));
        serverTwo = new AttemptLimits(new DynamoAttemptCounterDao(clientTwo, table), clock, Set.of("10.9.9.9"));
    }

    private static String someone() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String someAddress() {
        return "10." + (int) (Math.random() * 200) + "." + (int) (Math.random() * 250) + "."
                + (int) (Math.random() * 250);
    }

    /** A failed attempt: counted, and not taken back. Null if it was admitted. */
    private static Refusal fail(AttemptLimits server, String address, String account) {
        return server.startSignIn(address, account).refusal();
    }

    @Test
    void aGuesserWaitsAtOneAccountButItsOwnerElsewhereDoesNot() {
        String owner = someone();
        String guesser = someAddress();
        for (int i = 0; i < Limit.ACCOUNT_FROM_ADDRESS.max(); i++) {
            assertNull(fail(i % 2 == 0 ? serverOne : serverTwo, guesser, owner), "failure " + (i + 1) + " is allowed");
        }
        Refusal refused = fail(serverOne, guesser, owner.toUpperCase());
        assertNotNull(refused, "the next attempt from that address, on either server, in any case");
        assertNotNull(fail(serverTwo, guesser, owner));
        assertEquals(Limit.ACCOUNT_FROM_ADDRESS, refused.limit());
        assertEquals(Duration.ofMinutes(14), refused.retryAfter(), "to the end of the quarter hour");

        SignInAttempt fromHome = serverTwo.startSignIn(someAddress(), owner);
        assertNull(fromHome.refusal(), "the owner, from another address, is not affected");
        fromHome.succeeded();
        assertNull(fail(serverOne, guesser, someone()), "the guesser may still try another account");
    }

    @Test
    void oneAddressSprayingOnePasswordOverManyAccountsIsStopped() {
        String sprayer = someAddress();
        for (int i = 0; i < Limit.FAILURES_FROM_ADDRESS.max(); i++) {
            assertNull(fail(i % 2 == 0 ? serverOne : serverTwo, sprayer, someone()), "account " + (i + 1));
        }
        Refusal refused = fail(serverTwo, sprayer, someone());
        assertEquals(Limit.FAILURES_FROM_ADDRESS, refused.limit());
        assertEquals(Duration.ofMinutes(14), refused.retryAfter());
        assertNull(fail(serverOne, someAddress(), someone()), "other addresses go on");

        clock.advance(Duration.ofMinutes(13));
        assertNotNull(fail(serverOne, sprayer, someone()), "still in the same window");
        clock.advance(Duration.ofMinutes(1));
        assertNull(fail(serverOne, sprayer, someone()), "a new window starts afresh");
    }

    @Test
    void manyAddressesAtOneAccountMeetTheCeilingWhichTheOwnerIsToldAbout() {
        String target = someone();
        int perAddress = Limit.ACCOUNT_FROM_ADDRESS.max();
        int failures = 0;
        while (failures < Limit.ACCOUNT.max() - 1) {
            String address = someAddress() + "";
            for (int i = 0; i < perAddress && failures < Limit.ACCOUNT.max() - 1; i++, failures++) {
                assertNull(fail(failures % 2 == 0 ? serverOne : serverTwo, address, target));
            }
        }
        SignInAttempt owner = serverOne.startSignIn(someAddress(), target);
        assertNull(owner.refusal(), "below the ceiling, the owner from a clean address gets to the password");
        owner.succeeded();
        assertNull(fail(serverTwo, someAddress(), target), "the owner's success was taken back: one more failure fits");

        Refusal refused = serverTwo.startSignIn(someAddress(), target).refusal();
        assertEquals(Limit.ACCOUNT, refused.limit(), "at the ceiling, every address waits");
        assertEquals(Duration.ofMinutes(59), refused.retryAfter());
        assertNull(fail(serverOne, someAddress(), someone()), "other accounts are not affected");
    }

    @Test
    void onlyFailuresCountAndASuccessClearsTheOwnersOwnAddress() {
        String owner = someone();
        String home = someAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < Limit.ACCOUNT_FROM_ADDRESS.max() - 1; i++) {
                assertNull(fail(serverOne, home, owner), "typo " + (i + 1) + " of round " + (round + 1));
            }
            SignInAttempt right = serverTwo.startSignIn(home, owner);
            assertNull(right.refusal());
            right.succeeded();
        }
        String office = someAddress();
        for (int i = 0; i < Limit.FAILURES_FROM_ADDRESS.max() + 5; i++) {
            SignInAttempt colleague = (i % 2 == 0 ? serverOne : serverTwo).startSignIn(office, someone());
            assertNull(colleague.refusal(), "successful sign-in " + (i + 1) + " from one office");
            colleague.succeeded();
        }
    }

    @Test
    void racingAttemptsOnTwoServersGetNoMoreThanTheLimitToThePassword() throws Exception {
        String owner = someone();
        String guesser = someAddress();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Refusal>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AttemptLimits server = i % 2 == 0 ? serverOne : serverTwo;
                attempts.add(threads.submit(() -> {
                    start.await();
                    return fail(server, guesser, owner);
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Refusal> attempt : attempts) {
                admitted += attempt.get() == null ? 1 : 0;
            }
            assertEquals(Limit.ACCOUNT_FROM_ADDRESS.max(), admitted);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void countersAreItemsOfTheUsersTableThatExpireWithTheirWindow() {
        String address = someAddress();
        String account = someone();
        fail(serverOne, address, account);
        long windowEnd = Instant.parse("2031-01-01T00:15:00Z")
                .plus(Duration.ofHours(HOURS.get()))
                .getEpochSecond();
        List<Map<String, AttributeValue>> items = clientOne.scan(scan -> scan.tableName(table)).items().stream()
                .filter(item -> item.get(UsersTable.USER_KEY).s().contains(address))
                .toList();
        assertEquals(2, items.size(), "the pair's and the address's counters: " + items);
        for (Map<String, AttributeValue> item : items) {
            assertTrue(item.get(UsersTable.USER_KEY).s().startsWith("~limit~"), item.toString());
            assertEquals("1", item.get(UsersTable.ATTEMPTS).n());
            assertEquals(
                    Long.toString(windowEnd), item.get(UsersTable.EXPIRES_AT).n());
        }
    }

    @Test
    void signUpsAreLimitedPerAddressAndInAll() {
        String address = someAddress();
        for (int i = 0; i < Limit.SIGN_UPS_FROM_ADDRESS.max(); i++) {
            assertNull((i % 2 == 0 ? serverOne : serverTwo).startSignUp(address), "sign-up " + (i + 1));
        }
        Refusal refused = serverOne.startSignUp(address);
        assertEquals(Limit.SIGN_UPS_FROM_ADDRESS, refused.limit());
        assertEquals(Duration.ofMinutes(59), refused.retryAfter());

        // Other addresses' sign-ups so far in this hour, as if counted one by one (which takes too long here).
        String everyone = "~limit~" + AttemptLimits.key(Limit.SIGN_UPS, "all", clock.instant());
        clientTwo.updateItem(update -> update.tableName(table)
                .key(Map.of(UsersTable.USER_KEY, AttributeValue.fromS(everyone)))
                .updateExpression("SET " + UsersTable.ATTEMPTS + " = :many")
                .expressionAttributeValues(
                        Map.of(":many", AttributeValue.fromN(Integer.toString(Limit.SIGN_UPS.max() - 2)))));
        assertNull(serverOne.startSignUp(someAddress()), "one more sign-up fits");
        assertNull(serverTwo.startSignUp(someAddress()), "and the last one");
        Refusal full = serverTwo.startSignUp(someAddress());
        assertEquals(Limit.SIGN_UPS, full.limit());
        assertEquals(Duration.ofMinutes(59), full.retryAfter());
    }

    @Test
    void anUnlimitedAddressIsNeitherLimitedNorCounted() {
        String account = someone();
        for (int i = 0; i < 2 * Limit.FAILURES_FROM_ADDRESS.max(); i++) {
            assertNull(fail(serverOne, "10.9.9.9", account));
            assertNull(serverTwo.startSignUp("10.9.9.9"));
        }
        assertTrue(clientOne.scan(scan -> scan.tableName(table)).items().stream()
                .noneMatch(item -> item.get(UsersTable.USER_KEY).s().contains("10.9.9.9")
                        || item.get(UsersTable.USER_KEY).s().endsWith(account)));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        String account = someone();
        for (int i = 0; i < Limit.ACCOUNT_FROM_ADDRESS.max(); i++) {
            assertNull(fail(serverOne, "2001:db8:1:2:0:0:0:" + (i + 1), account));
        }
        assertNotNull(fail(serverOne, "2001:db8:1:2:ffff::7", account), "same /64");
        assertNull(fail(serverOne, "2001:db8:1:3::1", account), "another /64");
        assertEquals("2001:db8:1:2:0:0:0:0/64", AttemptLimits.clientOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("192.0.2.7", AttemptLimits.clientOf("192.0.2.7"));
    }
}
