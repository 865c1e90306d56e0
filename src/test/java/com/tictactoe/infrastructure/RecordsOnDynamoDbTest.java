package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Outcome;
import com.tictactoe.domain.PlayerRecord;
import com.tictactoe.domain.Ranking;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.Standing;
import com.tictactoe.domain.StoreBusyException;
import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.domain.WinLossDraw;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import com.tictactoe.testsupport.LossyProxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A player's record counts every finished game exactly once: the write that finishes a game and
 * the records it adds to are one transaction. Many games between overlapping players finish at
 * once, each raced by its other player's resignation, on several servers; answers get lost and
 * the SDK retries. Afterwards the records equal what the stored games say, to the game.
 */
class RecordsOnDynamoDbTest {

    private static final int PLAYERS = 6;
    private static final int GAMES_PER_PAIR = 2;

    /** Moves of O and X in turn up to the last; then O wins with TopRight. */
    private static final List<String> BEFORE_A_WIN = List.of("TopLeft", "MiddleLeft", "TopMiddle", "MiddleMiddle");

    /** Up to the last move of a draw; BottomRight then fills the board without a line. */
    private static final List<String> BEFORE_A_DRAW = List.of(
            "TopLeft",
            "TopMiddle",
            "TopRight",
            "MiddleMiddle",
            "MiddleLeft",
            "BottomLeft",
            "BottomMiddle",
            "MiddleRight");

    private static LocalGames store;
    private static DynamoRecordDao records;
    private static LossyProxy proxy;
    private static DynamoDbClient lossyClient;
    private static ExecutorService threads;

    @BeforeAll
    static void setUp() {
        store = LocalGames.withFreshTable();
        records = store.records();
        proxy = LossyProxy.to(DynamoDbLocalSession.endpoint());
        lossyClient = DynamoDbClients.create(new DynamoDbSettings(
                Optional.of(URI.create(proxy.endpoint())), Optional.empty(), store.table(), "Users", false));
        threads = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void tearDown() {
        threads.shutdownNow();
        lossyClient.close();
        proxy.close();
        store.close();
    }

    @Test
    void gamesFinishingAtOnceAreEachCountedExactlyOnce() throws Exception {
        List<String> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            players.add(store.registeredPlayer("rec" + i));
        }
        GameFacade setup = store.newFacade();
        List<Game> games = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < PLAYERS; i++) {
            for (int j = i + 1; j < PLAYERS; j++) {
                for (int k = 0; k < GAMES_PER_PAIR; k++, n++) {
                    String host = (k % 2 == 0) ? players.get(i) : players.get(j);
                    String guest = host.equals(players.get(i)) ? players.get(j) : players.get(i);
                    games.add(playedUpToTheEnd(setup, host, guest, n % 3 == 0 ? BEFORE_A_DRAW : BEFORE_A_WIN));
                }
            }
        }
        List<GameFacade> servers = List.of(store.newFacade(), store.newFacade(), store.newFacade());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int g = 0; g < games.size(); g++) {
            Game game = games.get(g);
            String last = game.board().moveCount() == BEFORE_A_DRAW.size() ? "BottomRight" : "TopRight";
            String waiting = game.opponentOf(game.turn());
            // The finishing move twice (a double click on two servers) and the other player resigning.
            attempts.add(race(start, () -> servers.get(0).move(game.gameId(), game.turn(), last)));
            attempts.add(race(start, () -> servers.get(1).move(game.gameId(), game.turn(), last)));
            attempts.add(race(start, () -> servers.get(2).resign(game.gameId(), waiting)));
        }
        start.countDown();
        for (Future<?> attempt : attempts) {
            attempt.get();
        }

        Map<String, WinLossDraw> expectedTotals = new TreeMap<>();
        Map<String, Map<String, WinLossDraw>> expectedVersus = new TreeMap<>();
        for (Game game : games) {
            Game finished = store.dao().find(game.gameId()).orElseThrow();
            assertEquals(GameStatus.FINISHED, finished.status());
            for (String player : List.of(finished.hostId(), finished.opponentId())) {
                Outcome outcome = RecordUpdates.outcomeOf(finished, player);
                expectedTotals.merge(player, WinLossDraw.NONE.plus(outcome), RecordsOnDynamoDbTest::sum);
                expectedVersus
                        .computeIfAbsent(player, p -> new TreeMap<>())
                        .merge(finished.opponentOf(player), WinLossDraw.NONE.plus(outcome), RecordsOnDynamoDbTest::sum);
            }
        }
        for (String player : players) {
            PlayerRecord record = records.recordOf(player);
            assertEquals(expectedTotals.get(player), record.overall(), player);
            assertEquals(expectedTotals.get(player), records.totalsOf(player), player);
            Map<String, WinLossDraw> versus = new TreeMap<>();
            record.headToHead().forEach(standing -> versus.put(standing.player(), standing.record()));
            assertEquals(expectedVersus.get(player), versus, player);
            assertEquals((PLAYERS - 1) * GAMES_PER_PAIR, record.overall().games(), player + " played every game once");
        }

        List<Standing> expectedLeaders = new ArrayList<>();
        expectedTotals.forEach((player, record) -> expectedLeaders.add(new Standing(player, record)));
        expectedLeaders.sort(Ranking.ORDER);
        List<Standing> leaders = records.leaders(10).stream()
                .filter(standing -> expectedTotals.containsKey(standing.player()))
                .toList();
        assertEquals(expectedLeaders, leaders, "the leaderboard, merged from its shards");
    }

    /**
     * The answer to a finishing transaction is lost and the SDK sends it again: the game ends once,
     * the records count it once, and the player hears it is done. Then every answer is lost until
     * the SDK gives up: the player is told DynamoDB is unavailable and tries again; the game was
     * finished all the same, the second try is refused, and the records still count it once.
     */
    @Test
    void aLostAnswerAndTheRetriesAfterItCountTheGameOnce() {
        String alice = store.registeredPlayer("lost");
        String bob = store.registeredPlayer("found");
        GameServer lossy = store.newServer(
                new DynamoGameDao(lossyClient, store.table(), store.recordsTable(), ForkJoinPool.commonPool()),
                store.accounts());
        GameFacade facade = lossy.facade();

        Game won = playedUpToTheEnd(facade, alice, bob, BEFORE_A_WIN);
        int lostBefore = proxy.answersLost();
        // Whatever calls the finishing write makes, the answer to each is lost once.
        proxy.loseNextAnswerTo("TransactWriteItems");
        proxy.loseNextAnswerTo("UpdateItem");
        Game finished = facade.move(won.gameId(), alice, "TopRight");
        proxy.stopLosingAnswers();
        assertTrue(proxy.answersLost() > lostBefore, "an answer was lost and the call sent again");
        assertEquals(GameStatus.FINISHED, finished.status());
        assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(alice));
        assertEquals(new WinLossDraw(0, 1, 0), records.totalsOf(bob));

        Game resigned = playedUpToTheEnd(facade, bob, alice, BEFORE_A_WIN);
        for (int i = 0; i < 20; i++) {
            proxy.loseNextAnswerTo("TransactWriteItems");
            proxy.loseNextAnswerTo("UpdateItem");
        }
        assertThrows(StoreUnavailableException.class, () -> facade.resign(resigned.gameId(), alice));
        proxy.stopLosingAnswers();
        assertThrows(GameRuleException.class, () -> facade.resign(resigned.gameId(), alice), "ended already");
        assertEquals(new WinLossDraw(1, 1, 0), records.totalsOf(alice));
        assertEquals(new WinLossDraw(1, 1, 0), records.totalsOf(bob));
        assertEquals(
                List.of(new Standing(bob, new WinLossDraw(1, 1, 0))),
                records.recordOf(alice).headToHead());
    }

    /**
     * The SDK's retry sends the very same transaction again, token and all: DynamoDB answers it as
     * done without carrying it out twice, so the write returns as done. (Were the retry sent with
     * another token, it would fail its condition on the game its first attempt finished.)
     */
    @Test
    void theSdksRetryOfAFinishWhoseAnswerWasLostIsAnsweredAsDone() {
        String host = store.registeredPlayer("twice");
        String guest = store.registeredPlayer("once");
        Game before = playedUpToTheEnd(store.newFacade(), host, guest, BEFORE_A_WIN);
        DynamoGameDao lossy =
                new DynamoGameDao(lossyClient, store.table(), store.recordsTable(), ForkJoinPool.commonPool());
        int lostBefore = proxy.answersLost();
        proxy.loseNextAnswerTo("TransactWriteItems");
        lossy.move(before, before.play(host, Square.TOP_RIGHT, Instant.now()), Square.TOP_RIGHT);
        assertEquals(lostBefore + 1, proxy.answersLost());
        assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(host));
        assertEquals(new WinLossDraw(0, 1, 0), records.totalsOf(guest));
    }

    /**
     * Another transaction writing one of the same records (a player's other game finishing at that
     * moment) cancels this one before it wrote anything: it is tried again until it is carried out,
     * or, after {@link DynamoGameDao#FINISH_ATTEMPTS}, the player hears DynamoDB is busy and nothing
     * is written. A cancellation for throttling is "busy" at once, as a throttled single write is.
     */
    @Test
    void aFinishCancelledByAnotherTransactionIsTriedAgain() {
        CancellingInterceptor cancel = new CancellingInterceptor();
        try (DynamoDbClient client = DynamoDbClients.create(
                new DynamoDbSettings(
                        Optional.of(URI.create(DynamoDbLocalSession.endpoint())),
                        Optional.empty(),
                        store.table(),
                        "Users",
                        false),
                List.of(cancel))) {
            DynamoGameDao dao =
                    new DynamoGameDao(client, store.table(), store.recordsTable(), ForkJoinPool.commonPool());
            String host = store.registeredPlayer("busy");
            String guest = store.registeredPlayer("busier");

            Game before = playedUpToTheEnd(store.newFacade(), host, guest, BEFORE_A_WIN);
            cancel.next(2, Cancellation.TRANSACTION_CONFLICT);
            dao.move(before, before.play(host, Square.TOP_RIGHT, Instant.now()), Square.TOP_RIGHT);
            assertEquals(3, cancel.attempts(), "tried again twice");
            assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(host));

            Game stuck = playedUpToTheEnd(store.newFacade(), host, guest, BEFORE_A_WIN);
            cancel.next(Integer.MAX_VALUE, Cancellation.TRANSACTION_CONFLICT);
            assertThrows(StoreBusyException.class, () -> dao.end(stuck, stuck.resign(guest, Instant.now())));
            assertEquals(DynamoGameDao.FINISH_ATTEMPTS, cancel.attempts());

            cancel.next(1, "ThrottlingError");
            assertThrows(StoreBusyException.class, () -> dao.end(stuck, stuck.resign(guest, Instant.now())));
            assertEquals(1, cancel.attempts(), "throttling is the SDK's to retry, not this loop's");
            cancel.next(0, "None");
            assertEquals(
                    GameStatus.IN_PROGRESS,
                    store.dao().find(stuck.gameId()).orElseThrow().status());
            assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(host), "nothing written by the cancelled");
        }
    }

    /** Cancels the next transactions, before they leave the client, for the given reason on a record. */
    private static final class CancellingInterceptor implements ExecutionInterceptor {

        private final AtomicInteger left = new AtomicInteger();
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile String reason;

        void next(int times, String code) {
            reason = code;
            left.set(times);
            attempts.set(0);
        }

        int attempts() {
            return attempts.get();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (!"TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                return;
            }
            attempts.incrementAndGet();
            if (left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw TransactionCanceledException.builder()
                        .message("Cancelled by the test")
                        .statusCode(400)
                        .cancellationReasons(
                                CancellationReason.builder().code("None").build(),
                                CancellationReason.builder().code(reason).build())
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("TransactionCanceledException")
                                .serviceName("DynamoDb")
                                .build())
                        .build();
            }
        }
    }

    @Test
    void aPlayerOfTheOriginalAppWithoutAnAccountGetsARecord() {
        String host = store.registeredPlayer("hasaccount");
        String original = "orig-" + Long.toString(System.nanoTime(), 36);
        // No account: the original app invites any name.
        Game invitation = Game.invite(GameIds.next(), host, original, Instant.now());
        store.dao().create(invitation);
        Game started = store.dao().accept(invitation.gameId(), original, Instant.now());
        store.dao().end(started, started.resign(original, Instant.now()));
        assertEquals(new WinLossDraw(0, 1, 0), records.totalsOf(original));
        assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(host));
    }

    private static Game playedUpToTheEnd(GameFacade facade, String host, String guest, List<String> moves) {
        Game game = facade.accept(facade.create(host, guest).gameId(), guest);
        for (String square : moves) {
            game = facade.move(game.gameId(), game.turn(), square);
        }
        return game;
    }

    private static Future<?> race(CountDownLatch start, Callable<?> attempt) {
        return threads.submit(() -> {
            start.await();
            try {
                return attempt.call();
            } catch (GameRuleException lostTheRace) {
                return lostTheRace;
            }
        });
    }

    private static WinLossDraw sum(WinLossDraw a, WinLossDraw b) {
        return new WinLossDraw(a.wins() + b.wins(), a.losses() + b.losses(), a.draws() + b.draws());
    }
}
