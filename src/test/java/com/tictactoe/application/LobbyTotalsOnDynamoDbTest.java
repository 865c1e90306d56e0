package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.PlayerRecord;
import com.tictactoe.domain.RecordRepository;
import com.tictactoe.domain.Standing;
import com.tictactoe.domain.WinLossDraw;
import com.tictactoe.infrastructure.DynamoGameDao;
import com.tictactoe.infrastructure.DynamoRecordDao;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The totals a lobby shows, kept by {@link Records} between reads, against the stored records on
 * DynamoDB Local: a game finished here is added to them without reading them again, and they
 * stay exact when a read lands between the finishing write and the news of it, or when the game
 * was finished by another server.
 */
class LobbyTotalsOnDynamoDbTest {

    /** Moves of O and X in turn up to the last; then O wins with TopRight. */
    private static final List<String> BEFORE_A_WIN = List.of("TopLeft", "MiddleLeft", "TopMiddle", "MiddleMiddle");

    private static LocalGames store;
    private static DynamoDbClient client;
    private static final AfterFinishingWrites afterFinishingWrites = new AfterFinishingWrites();

    private CountedReads reads;
    private GameServer server;
    private GameServer otherServer;

    @BeforeAll
    static void createTables() {
        store = LocalGames.withFreshTable();
        client = store.clientWith(List.of(afterFinishingWrites));
    }

    @AfterAll
    static void dropTables() {
        client.close();
        store.close();
    }

    @BeforeEach
    void twoServers() {
        reads = new CountedReads(store.records());
        DynamoGameDao games = new DynamoGameDao(client, store.table(), store.recordsTable(), ForkJoinPool.commonPool());
        server = GameServer.over(games, store.accounts(), reads);
        otherServer = GameServer.over(games, store.accounts(), store.records());
        afterFinishingWrites.then(() -> {});
    }

    @AfterEach
    void closeServers() {
        server.close();
        otherServer.close();
    }

    @Test
    void aGameFinishedHereIsAddedToTheTotalsWithoutReadingThemAgain() {
        String alice = store.registeredPlayer("adds");
        String bob = store.registeredPlayer("added");
        Records records = server.records();
        assertEquals(WinLossDraw.NONE, records.totalsOf(alice));
        assertEquals(WinLossDraw.NONE, records.totalsOf(bob));
        int readsBefore = reads.count();

        finish(server.facade(), alice, bob);
        finish(server.facade(), bob, alice);
        server.facade().resign(upToTheEnd(server.facade(), alice, bob).gameId(), alice);

        assertEquals(storedTotals(alice), records.totalsOf(alice));
        assertEquals(storedTotals(bob), records.totalsOf(bob));
        assertEquals(new WinLossDraw(1, 2, 0), records.totalsOf(alice));
        assertEquals(readsBefore, reads.count(), "no read of the totals after the games finished here");
    }

    @Test
    void totalsReadWhileTheFinishingWriteWasUnderWayAreReadAgainNotCountedTwice() {
        String alice = store.registeredPlayer("midway");
        String bob = store.registeredPlayer("between");
        Records records = server.records();
        Game last = upToTheEnd(server.facade(), alice, bob);
        // Another page of each player's, shown between the write's answer and this server hearing of it
        afterFinishingWrites.then(() -> {
            records.totalsOf(alice);
            records.totalsOf(bob);
        });

        server.facade().move(last.gameId(), alice, "TopRight");

        assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(alice));
        assertEquals(new WinLossDraw(0, 1, 0), records.totalsOf(bob));
        assertEquals(storedTotals(alice), records.totalsOf(alice));
    }

    @Test
    void aGameFinishedOnAnotherServerMakesThisOneReadTheTotalsAgain() {
        String alice = store.registeredPlayer("elsewhere");
        String bob = store.registeredPlayer("there");
        Records records = server.records();
        assertEquals(WinLossDraw.NONE, records.totalsOf(alice));
        Game last = upToTheEnd(otherServer.facade(), alice, bob);

        Game finished = otherServer.facade().move(last.gameId(), alice, "TopRight");
        // What the cluster's relay fires on this server for it
        server.fire(new GameChanged(finished, false, true));

        assertEquals(new WinLossDraw(1, 0, 0), records.totalsOf(alice));
        assertTrue(reads.count() >= 2, "read again");
    }

    private static void finish(GameFacade facade, String host, String guest) {
        Game last = upToTheEnd(facade, host, guest);
        facade.move(last.gameId(), host, "TopRight");
    }

    private static Game upToTheEnd(GameFacade facade, String host, String guest) {
        Game game = facade.accept(facade.create(host, guest).gameId(), guest);
        for (String square : BEFORE_A_WIN) {
            game = facade.move(game.gameId(), game.turn(), square);
        }
        return game;
    }

    private static WinLossDraw storedTotals(String player) {
        return store.records().totalsOf(player);
    }

    /** Runs something right after each answered transaction, before the DAO returns. */
    private static final class AfterFinishingWrites implements ExecutionInterceptor {

        private volatile Runnable then = () -> {};

        void then(Runnable action) {
            then = action;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if ("TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                then.run();
            }
        }
    }

    /** The real records, with the reads of totals counted. */
    private static final class CountedReads implements RecordRepository {

        private final DynamoRecordDao real;
        private final AtomicInteger totalsReads = new AtomicInteger();

        CountedReads(DynamoRecordDao real) {
            this.real = real;
        }

        int count() {
            return totalsReads.get();
        }

        @Override
        public WinLossDraw totalsOf(String player) {
            totalsReads.incrementAndGet();
            return real.totalsOf(player);
        }

        @Override
        public PlayerRecord recordOf(String player) {
            return real.recordOf(player);
        }

        @Override
        public List<Standing> leaders(int count) {
            return real.leaders(count);
        }
    }
}
