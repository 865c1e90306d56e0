package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Replay;
import com.tictactoe.domain.Square;
import com.tictactoe.testsupport.LocalGames;
import com.tictactoe.testsupport.ThrottlingInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order of play on DynamoDB Local: written by each move in the move's one call, and unknown
 * (no replay) once the original app has made a move, which records none.
 */
class MoveOrderOnDynamoDbTest {

    private static LocalGames store;
    /** Counts every call of this test's server, which talks to the table through its own client. */
    private static ThrottlingInterceptor calls;

    private static DynamoDbClient client;
    private static ExecutorService executor;
    private static GameFacade facade;

    @BeforeAll
    static void aServerWhoseCallsAreCounted() {
        store = LocalGames.withFreshTable().register("alice", "bob");
        calls = new ThrottlingInterceptor();
        client = store.clientWith(List.of(calls));
        executor = Executors.newCachedThreadPool();
        facade = store.newServer(
                        new DynamoGameDao(client, store.table(), store.recordsTable(), executor), store.accounts())
                .facade();
    }

    @AfterAll
    static void close() {
        client.close();
        executor.shutdownNow();
        store.close();
    }

    private static Game started() {
        Game game = facade.create("alice", "bob");
        return facade.accept(game.gameId(), "bob");
    }

    private static String moves(String gameId) {
        AttributeValue moves = store.rawItem(gameId).get("Moves");
        return moves == null ? null : moves.s();
    }

    @Test
    void eachMoveWritesTheOrderSoFarInItsOneCall() {
        Game game = started();
        assertNull(moves(game.gameId()), "no moves, no order");
        List<String> played = new ArrayList<>();
        for (String square : List.of(
                "MiddleMiddle", "TopLeft", "TopRight", "BottomLeft", "MiddleLeft", "BottomMiddle", "MiddleRight")) {
            calls.reset();
            game = facade.move(game.gameId(), game.turn(), square);
            played.add(square);
            // The last move finishes the game: its write and the players' records are one transaction.
            String call = game.status() == GameStatus.FINISHED ? "TransactWriteItems" : "UpdateItem";
            assertEquals(Map.of(call, 1), calls.attemptsByOperation(), "one call for " + square);
            assertEquals(String.join(" ", played), moves(game.gameId()), "stored with " + square);
        }
        assertEquals(GameStatus.FINISHED, game.status());

        Game read = store.newFacade().game(game.gameId()).orElseThrow();
        Replay replay = Replay.of(read).orElseThrow();
        assertEquals(7, replay.length());
        assertEquals(Optional.of(Square.MIDDLE_MIDDLE), replay.moveTo(1));
        assertEquals(Optional.of(Square.MIDDLE_RIGHT), replay.moveTo(7));

        // A finished game never changes: its replay, page after page, is served from memory, even
        // once a game being shown would be read again (GameFacade.VIEW_MAX_AGE_NANOS).
        sleepUninterruptibly(2_100);
        calls.reset();
        for (int step = 0; step <= 7; step++) {
            assertTrue(
                    Replay.of(facade.gameToReplay(game.gameId()).orElseThrow()).isPresent());
        }
        assertEquals(Map.of(), calls.attemptsByOperation(), "no call for a replay this server knows");
    }

    @Test
    void aGameTheOriginalMovedInShowsOnlyItsFinalBoard() {
        String id = started().gameId();
        facade.move(id, "alice", "TopLeft");
        // bob moves with the original app: its one UpdateItem sets the square and Turn, not Moves.
        store.client()
                .updateItem(update -> update.tableName(store.table())
                        .key(Map.of("GameId", AttributeValue.fromS(id)))
                        .updateExpression("SET MiddleLeft = :x, Turn = :alice")
                        .expressionAttributeValues(
                                Map.of(":x", AttributeValue.fromS("X"), ":alice", AttributeValue.fromS("alice"))));
        // The game goes on here, on a server that reads the item as the original left it.
        GameFacade other = store.newFacade();
        other.move(id, "alice", "TopMiddle");
        other.move(id, "bob", "MiddleMiddle");
        Game end = other.move(id, "alice", "TopRight");

        assertEquals("alice", end.result());
        assertEquals("TopLeft TopMiddle MiddleMiddle TopRight", moves(id), "four of five squares");
        Game read = store.newFacade().game(id).orElseThrow();
        assertEquals(5, read.board().moveCount());
        assertFalse(read.board().isOrderKnown());
        assertTrue(Replay.of(read).isEmpty(), "no replay: the final board only");
    }

    private static void sleepUninterruptibly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
