package com.tictactoe.infrastructure;

import static com.tictactoe.testsupport.ThrottlingInterceptor.PROVISIONED_THROUGHPUT_EXCEEDED;
import static com.tictactoe.testsupport.ThrottlingInterceptor.REQUEST_LIMIT_EXCEEDED;
import static com.tictactoe.testsupport.ThrottlingInterceptor.THROTTLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Account;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.StoreBusyException;
import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import com.tictactoe.testsupport.ThrottlingInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB throttles: the client retries with backoff, the player hears "busy, try again" only
 * when the retries ran out, and a refused write leaves the stored item as it was. The throttling
 * is played by an interceptor in the client (see {@link ThrottlingInterceptor}); everything else
 * is the real client, DAO and facade on DynamoDB Local.
 */
class ThrottledDynamoDbTest {

    /**
     * The README's figure, "five attempts at most", written out here rather than read from
     * {@link DynamoDbClients#MAX_ATTEMPTS}: changing the client's setting must fail this test until
     * the README (and this figure) says the same.
     */
    private static final int DOCUMENTED_ATTEMPTS = 5;

    /** Thread.sleep may wake a hair early by the clock's reading: the floor is checked with this slack. */
    private static final long CLOCK_SLACK_NANOS = Duration.ofMillis(2).toNanos();

    private static LocalGames store;
    private static String usersTable;
    private static ThrottlingInterceptor throttle;
    private static DynamoDbClient client;
    private static ExecutorService executor;
    private static DynamoGameDao games;
    private static DynamoAccountDao accounts;
    private static GameServer server;
    private static GameFacade facade;

    @BeforeAll
    static void connectThroughAThrottlingClient() {
        store = LocalGames.withFreshTable();
        usersTable = "Users-" + UUID.randomUUID();
        throttle = new ThrottlingInterceptor();
        client = DynamoDbClients.create(
                new DynamoDbSettings(
                        Optional.of(URI.create(DynamoDbLocalSession.endpoint())),
                        Optional.empty(),
                        store.table(),
                        usersTable,
                        false),
                List.of(throttle));
        TableBootstrap.createMissing(client, List.of(UsersTable.definition(usersTable)));
        executor = Executors.newCachedThreadPool();
        games = new DynamoGameDao(client, store.table(), store.recordsTable(), executor);
        accounts = new DynamoAccountDao(client, usersTable);
        for (String player :
                List.of("alice", "bob", "carol", "dave", "erin", "frank", "hank", "ivan", "jane", "kate", "liam")) {
            accounts.create(new Account(player, "not-a-real-hash"));
        }
        server = store.newServer(games, accounts);
        facade = server.facade();
    }

    @AfterAll
    static void disconnect() {
        client.deleteTable(delete -> delete.tableName(usersTable));
        client.close();
        executor.shutdownNow();
        store.close();
    }

    @BeforeEach
    void noThrottling() {
        throttle.reset();
    }

    @Test
    void throttledWritesAreRetriedWithBackoffAndAppliedOnce() {
        throttle.throttle("PutItem", 2);
        Game game = facade.create("alice", "bob");
        assertEquals(3, throttle.attempts("PutItem"), "two throttled attempts, then the one that wrote");
        assertEquals(GameStatus.PENDING, games.find(game.gameId()).orElseThrow().status());

        throttle.throttle("UpdateItem", 2);
        Game started = facade.accept(game.gameId(), "bob");
        assertEquals(GameStatus.IN_PROGRESS, started.status());
        assertEquals(3, throttle.attempts("UpdateItem"));

        throttle.reset();
        throttle.throttle("UpdateItem", DOCUMENTED_ATTEMPTS - 1);
        int eventsBefore = server.changes().size();
        String player = started.turn();
        Game moved = facade.move(game.gameId(), player, "MiddleMiddle");
        assertEquals(DOCUMENTED_ATTEMPTS, throttle.attempts("UpdateItem"), "the last attempt allowed wrote");

        // Exactly the one move is stored, once: one mark, the other player's turn, nothing else.
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        List<String> marked = new ArrayList<>();
        for (Square square : Square.values()) {
            if (item.containsKey(SquareAttributes.of(square))) {
                marked.add(SquareAttributes.of(square));
            }
        }
        assertEquals(List.of("MiddleMiddle"), marked);
        assertEquals(
                moved.board()
                        .markAt(Square.fromId("MiddleMiddle").orElseThrow())
                        .orElseThrow()
                        .name(),
                item.get("MiddleMiddle").s());
        assertEquals(started.opponentOf(player), item.get(GamesTable.TURN).s());
        assertEquals(moved, games.find(game.gameId()).orElseThrow());
        assertEquals(eventsBefore + 1, server.changes().size(), "the opponent is told once");

        // Backoff: before retry n the strategy waits at least half of min(base * 2^(n-1), max).
        List<Long> gaps = gaps(throttle.attemptTimes("UpdateItem"));
        System.out.printf(
                "UpdateItem throttled %d times: gaps between attempts %s ms%n",
                DOCUMENTED_ATTEMPTS - 1,
                gaps.stream().map(gap -> gap / 1_000_000.0).toList());
        for (int retry = 1; retry <= gaps.size(); retry++) {
            long floor = minimumThrottledDelay(retry).toNanos();
            assertTrue(
                    gaps.get(retry - 1) >= floor - CLOCK_SLACK_NANOS,
                    "retry " + retry + " came " + gaps.get(retry - 1) / 1_000_000.0
                            + " ms after the attempt before it, " + "less than the " + floor / 1_000_000.0
                            + " ms the backoff promises");
        }
    }

    @Test
    void writesThrottledOnEveryAttemptFailAsBusyAndChangeNothing() {
        Game started = facade.accept(facade.create("carol", "dave").gameId(), "dave");
        Game moved = facade.move(started.gameId(), started.turn(), "TopLeft");
        Game pending = facade.create("carol", "erin");
        Map<String, AttributeValue> playing = store.rawItem(started.gameId());
        Map<String, AttributeValue> invited = store.rawItem(pending.gameId());
        int itemsBefore = itemCount();
        int eventsBefore = server.changes().size();

        throttle.reset();
        throttle.throttleAlways("UpdateItem");
        StoreBusyException busyMove =
                busy("UpdateItem", () -> facade.move(started.gameId(), moved.turn(), "BottomRight"));
        assertTrue(busyMove instanceof StoreBusyException, "a busy store, which pages tell as such");
        assertEquals(playing, store.rawItem(started.gameId()), "the game as it was, attribute for attribute");

        throttle.reset();
        throttle.throttleAlways("UpdateItem");
        busy("UpdateItem", () -> facade.accept(pending.gameId(), "erin"));
        assertEquals(invited, store.rawItem(pending.gameId()));

        throttle.reset();
        throttle.throttleAlways("PutItem");
        busy("PutItem", () -> facade.create("carol", "frank"));
        assertEquals(itemsBefore, itemCount(), "no new game");
        assertEquals(eventsBefore, server.changes().size(), "no one is told of a change that did not happen");

        // When the table has capacity again, trying again works.
        throttle.reset();
        facade.move(started.gameId(), moved.turn(), "BottomRight");
        assertEquals(1, throttle.attempts("UpdateItem"));
    }

    @Test
    void readsThrottledOnEveryAttemptFailAsBusy() {
        Game game = facade.create("gina", "hank");
        assertTrue(accounts.create(new Account("Gina", "hash")));
        GameFacade freshServer = store.newServer(games, accounts).facade();

        throttle.reset(); // the invitation looked up its opponent's account: count only what follows
        throttle.throttleAlways("GetItem");
        busy("GetItem", () -> freshServer.game(game.gameId()));
        throttle.reset();
        throttle.throttleAlways("GetItem");
        busy("GetItem", () -> accounts.find("Gina"));

        throttle.reset();
        throttle.throttleAlways("Query");
        StoreBusyException busyLobby = assertThrows(StoreBusyException.class, () -> freshServer.lobby("gina"));
        assertEquals(DOCUMENTED_ATTEMPTS, ((AwsServiceException) busyLobby.getCause()).numAttempts());
        // The lobby's six queries run side by side; each gave up after its own attempts.
        int queries = throttle.attempts("Query");
        assertTrue(queries >= DOCUMENTED_ATTEMPTS && queries <= 6 * DOCUMENTED_ATTEMPTS, queries + " query attempts");

        throttle.reset();
        throttle.throttle("GetItem", 2);
        assertEquals(game, freshServer.game(game.gameId()).orElseThrow(), "a read throttled twice is answered");
        assertEquals(3, throttle.attempts("GetItem"));
        assertEquals(Optional.of("Gina"), accounts.find("gina").map(Account::username));
    }

    /** A batch read whose keys come back unprocessed asks for them again, after the same backoff. */
    @Test
    void unprocessedKeysOfABatchReadAreAskedForAgainAfterBackoff() {
        Game started = facade.accept(facade.create("kate", "liam").gameId(), "liam");
        // A server that did not hear of the game: whose turn it is can only come from the batch read.
        GameFacade freshServer = store.newServer(games, accounts).facade();
        throttle.reset();
        throttle.leaveBatchesUnprocessed(2);
        List<GameSummary> playing = freshServer.lobby("kate").inProgress();
        assertEquals(
                List.of(started.turn()), playing.stream().map(GameSummary::turn).toList());
        assertEquals(3, throttle.attempts("BatchGetItem"));
        List<Long> gaps = gaps(throttle.attemptTimes("BatchGetItem"));
        System.out.printf(
                "BatchGetItem left unprocessed twice: gaps between batches %s ms%n",
                gaps.stream().map(gap -> gap / 1_000_000.0).toList());
        for (int retry = 1; retry <= gaps.size(); retry++) {
            assertTrue(
                    gaps.get(retry - 1) >= minimumThrottledDelay(retry).toNanos() - CLOCK_SLACK_NANOS,
                    "batch " + (retry + 1) + " came " + gaps.get(retry - 1) / 1_000_000.0 + " ms after the one before");
        }
    }

    /** DynamoDB's other throttling answers are retried the same way and end the same way. */
    @ParameterizedTest
    @ValueSource(strings = {PROVISIONED_THROUGHPUT_EXCEEDED, REQUEST_LIMIT_EXCEEDED, THROTTLING})
    void everyThrottlingErrorIsRetriedThenBusy(String errorCode) {
        Game game = facade.create("ivan", "jane");
        throttle.throttle("UpdateItem", Integer.MAX_VALUE, errorCode);
        StoreBusyException busy = busy("UpdateItem", () -> facade.accept(game.gameId(), "jane"));
        assertEquals(
                errorCode,
                ((AwsServiceException) busy.getCause()).awsErrorDetails().errorCode());

        throttle.reset();
        throttle.throttle("UpdateItem", 1, errorCode);
        assertEquals(
                GameStatus.IN_PROGRESS, facade.accept(game.gameId(), "jane").status());
        assertEquals(2, throttle.attempts("UpdateItem"));
    }

    /**
     * The call fails with StoreBusyException, which the existing handlers of
     * StoreUnavailableException catch too, after exactly the bounded number of attempts, all
     * throttled, within the call timeout.
     */
    private static StoreBusyException busy(String operation, Executable call) {
        long start = System.nanoTime();
        StoreBusyException busy = assertThrows(StoreBusyException.class, call);
        long elapsed = System.nanoTime() - start;
        assertInstanceOf(StoreUnavailableException.class, busy);
        AwsServiceException cause = assertInstanceOf(AwsServiceException.class, busy.getCause());
        assertTrue(cause.isThrottlingException());
        assertEquals(DOCUMENTED_ATTEMPTS, cause.numAttempts());
        assertEquals(DOCUMENTED_ATTEMPTS, throttle.attempts(operation), "attempts of " + operation);
        assertTrue(elapsed < DynamoDbClients.CALL_TIMEOUT.toNanos(), "gave up after " + elapsed / 1_000_000 + " ms");
        System.out.printf(
                "%s throttled on every attempt: StoreBusyException after %d attempts, %.0f ms, gaps %s ms%n",
                operation,
                cause.numAttempts(),
                elapsed / 1e6,
                gaps(throttle.attemptTimes(operation)).stream()
                        .map(gap -> gap / 1_000_000.0)
                        .toList());
        return busy;
    }

    private static Duration minimumThrottledDelay(int retry) {
        long cap = Math.min(
                DynamoDbClients.THROTTLED_BASE_DELAY.toMillis() << (retry - 1), DynamoDbClients.MAX_BACKOFF.toMillis());
        return Duration.ofMillis(cap / 2);
    }

    private static List<Long> gaps(List<Long> times) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i) - times.get(i - 1));
        }
        return gaps;
    }

    private static int itemCount() {
        return store.client()
                .scan(scan -> scan.tableName(store.table()).consistentRead(true))
                .count();
    }
}
