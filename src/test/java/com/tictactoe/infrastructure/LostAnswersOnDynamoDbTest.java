package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import com.tictactoe.testsupport.LossyProxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A write that DynamoDB carried out but whose answer was lost is retried by the SDK; the retry's
 * condition then fails against the write's own result. The player must hear "done", not a
 * refusal, and the other player must be told about the change.
 */
class LostAnswersOnDynamoDbTest {

    private static LocalGames store;
    private static LossyProxy proxy;
    private static DynamoDbClient client;
    private static GameServer server;
    private static GameFacade facade;

    @BeforeAll
    static void connectThroughALossyNetwork() {
        store = LocalGames.withFreshTable();
        proxy = LossyProxy.to(DynamoDbLocalSession.endpoint());
        client = DynamoDbClients.create(new DynamoDbSettings(
                Optional.of(URI.create(proxy.endpoint())), Optional.empty(), store.table(), "Users", false));
        server = GameServer.over(
                new DynamoGameDao(client, store.table(), store.recordsTable(), ForkJoinPool.commonPool()),
                store.register("alice", "bob").accounts());
        facade = server.facade();
    }

    @AfterAll
    static void disconnect() {
        server.close();
        client.close();
        proxy.close();
        store.close();
    }

    @Test
    void writesWhoseAnswerWasLostAreReportedAsDone() {
        int lostBefore = proxy.answersLost();
        proxy.loseNextAnswerTo("PutItem");
        Game game = facade.create("alice", "bob");
        assertEquals(lostBefore + 1, proxy.answersLost());
        assertEquals(
                "PENDING", store.rawItem(game.gameId()).get("StatusDate").s().substring(0, 7));

        proxy.loseNextAnswerTo("UpdateItem");
        Game started = facade.accept(game.gameId(), "bob");
        assertEquals(GameStatus.IN_PROGRESS, started.status());
        assertEquals(lostBefore + 2, proxy.answersLost());

        proxy.loseNextAnswerTo("UpdateItem");
        int eventsBefore = server.changes().size();
        Game moved = facade.move(game.gameId(), "alice", "MiddleMiddle");
        assertEquals(lostBefore + 3, proxy.answersLost());
        assertEquals("bob", moved.turn());
        assertEquals("O", store.rawItem(game.gameId()).get("MiddleMiddle").s());
        assertEquals(eventsBefore + 1, server.changes().size(), "the opponent is told");

        // Without a lost answer, the same move again is a plain refusal.
        assertEquals(
                Rejection.NOT_YOUR_TURN,
                assertThrows(GameRuleException.class, () -> facade.move(game.gameId(), "alice", "MiddleMiddle"))
                        .rejection());
    }

    /**
     * Every answer to a move's write is lost until the SDK gives up: the player hears that DynamoDB
     * is unreachable, yet the first attempt was stored. Once DynamoDB answers again, the server finds
     * the move by reading the game and tells both players within seconds (UncertainMoves).
     */
    @Test
    void aMoveStoredAlthoughItsPlayerWasToldItFailedIsAnnouncedWithinSeconds() throws InterruptedException {
        Game game = facade.create("alice", "bob");
        facade.accept(game.gameId(), "bob");
        for (int i = 0; i < 20; i++) {
            proxy.loseNextAnswerTo("UpdateItem");
        }
        int eventsBefore = server.changes().size();
        assertThrows(StoreUnavailableException.class, () -> facade.move(game.gameId(), "alice", "TopLeft"));
        proxy.stopLosingAnswers();
        assertEquals("O", store.rawItem(game.gameId()).get("TopLeft").s(), "stored all the same");
        assertEquals(eventsBefore, server.changes().size(), "not announced while unknown");

        long told = System.nanoTime();
        long deadline = told + Duration.ofSeconds(10).toNanos();
        while (announcedMoves(game.gameId(), eventsBefore) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, announcedMoves(game.gameId(), eventsBefore), "announced once");
        System.out.printf(
                "A move stored after its player heard 'unavailable' was announced %d ms after that answer%n",
                (System.nanoTime() - told) / 1_000_000);
        assertEquals("bob", facade.game(game.gameId()).orElseThrow().turn());
    }

    private static long announcedMoves(String gameId, int from) {
        return server.changes().subList(from, server.changes().size()).stream()
                .filter(change -> change.game().gameId().equals(gameId)
                        && change.game().board().moveCount() == 1)
                .count();
    }
}
