package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Rejection;
import com.tictactoe.testsupport.LocalGames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Whole games and refused requests through the facade and the real DAO on DynamoDB Local. */
class GamePlayOnDynamoDbTest {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}";

    private static LocalGames store;
    private static GameFacade facade;

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable().register("alice", "bob");
        facade = store.newFacade();
    }

    @AfterAll
    static void dropTable() {
        store.close();
    }

    private static Game started(String host, String opponent) {
        Game game = facade.create(host, opponent);
        return facade.accept(game.gameId(), opponent);
    }

    private static Game play(Game game, String... squares) {
        Game current = game;
        for (String square : squares) {
            current = facade.move(game.gameId(), current.turn(), square);
        }
        return current;
    }

    private static Map<String, AttributeValue> strings(String... namesAndValues) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return item;
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    @Test
    void theHostWinsAndTheFinishIsWrittenWithTheWinningMove() {
        Game game = started("alice", "bob");
        Game end = play(game, "TopLeft", "TopRight", "MiddleMiddle", "BottomLeft", "BottomRight");

        assertEquals(GameStatus.FINISHED, end.status());
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        assertEquals("alice", s(item, "Result"));
        assertEquals("N/A", s(item, "Turn"));
        assertTrue(s(item, "StatusDate").matches("FINISHED_" + DATE), s(item, "StatusDate"));
        assertEquals("O", s(item, "TopLeft"));
        assertEquals("O", s(item, "MiddleMiddle"));
        assertEquals("O", s(item, "BottomRight"));
        assertEquals("X", s(item, "TopRight"));
        assertEquals("X", s(item, "BottomLeft"));
        assertEquals(
                Set.of(
                        "GameId",
                        "HostId",
                        "OpponentId",
                        "OUser",
                        "Turn",
                        "StatusDate",
                        "Result",
                        "TopLeft",
                        "MiddleMiddle",
                        "BottomRight",
                        "TopRight",
                        "BottomLeft",
                        "Moves"),
                item.keySet());
        assertEquals("TopLeft TopRight MiddleMiddle BottomLeft BottomRight", s(item, "Moves"));
    }

    @Test
    void theOpponentWins() {
        Game game = started("alice", "bob");
        Game end = play(game, "TopLeft", "MiddleLeft", "TopMiddle", "MiddleMiddle", "BottomRight", "MiddleRight");
        assertEquals("bob", end.result());
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        assertEquals("bob", s(item, "Result"));
        assertTrue(s(item, "StatusDate").startsWith("FINISHED_"));
    }

    @Test
    void aFullBoardWithoutALineIsADraw() {
        Game game = started("alice", "bob");
        Game end = play(
                game,
                "TopLeft",
                "TopMiddle",
                "TopRight",
                "MiddleMiddle",
                "MiddleLeft",
                "MiddleRight",
                "BottomMiddle",
                "BottomLeft",
                "BottomRight");
        assertTrue(end.isDraw());
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        assertEquals("Tie", s(item, "Result"));
        assertEquals("N/A", s(item, "Turn"));
        assertEquals(9 + 7 + 1, item.size(), "nine squares, the original's seven others, and Moves");
    }

    @Test
    void itemsHaveTheOriginalsAttributesAndFormats() {
        Game game = facade.create("alice", "bob");
        Map<String, AttributeValue> pending = store.rawItem(game.gameId());
        // The original's attributes, and the invitation's deadline for time to live, which it ignores.
        assertEquals(
                Set.of("GameId", "HostId", "OpponentId", "OUser", "Turn", "StatusDate", "ExpiresAt"), pending.keySet());
        assertTrue(s(pending, "GameId").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals("alice", s(pending, "HostId"));
        assertEquals("bob", s(pending, "OpponentId"));
        assertEquals("alice", s(pending, "OUser"));
        assertEquals("alice", s(pending, "Turn"));
        assertTrue(s(pending, "StatusDate").matches("PENDING_" + DATE), s(pending, "StatusDate"));
        pending.forEach((name, value) -> {
            if (!name.equals("ExpiresAt")) {
                assertTrue(value.s() != null, name + ": the original's attributes are strings");
            }
        });
        assertTrue(pending.get("ExpiresAt").n().matches("\\d{10}"), "epoch seconds, a number as time to live needs");

        facade.accept(game.gameId(), "bob");
        facade.move(game.gameId(), "alice", "MiddleMiddle");
        Map<String, AttributeValue> playing = store.rawItem(game.gameId());
        assertTrue(s(playing, "StatusDate").matches("IN_PROGRESS_" + DATE), s(playing, "StatusDate"));
        assertEquals("O", s(playing, "MiddleMiddle"));
        assertEquals("bob", s(playing, "Turn"));

        // Beside the original's attributes, unchanged in name and type, only this app's own: the
        // order of play and the turn's clock, strings too.
        assertEquals(
                Set.of(
                        "GameId",
                        "HostId",
                        "OpponentId",
                        "OUser",
                        "Turn",
                        "StatusDate",
                        "MiddleMiddle",
                        "Moves",
                        "TurnSince",
                        "StallShard",
                        "StalledFrom"),
                playing.keySet(),
                "in play: the original's attributes, no time to live, the order of play and the turn's time");
        playing.forEach((name, value) -> assertEquals(AttributeValue.Type.S, value.type(), name + " is a string"));
        assertEquals("MiddleMiddle", s(playing, "Moves"));
    }

    @Test
    void anItemWrittenByTheOriginalIsReadAndPlayedOn() {
        // As the Python app writes it: local time without microseconds when they are zero.
        store.putRaw(strings(
                "GameId", "6f1c2d6e-5a0b-4c8e-9a51-0e6f1b2c3d4e",
                "HostId", "carol",
                "OpponentId", "dave",
                "OUser", "carol",
                "Turn", "dave",
                "StatusDate", "IN_PROGRESS_2026-11-21 10:20:32",
                "TopLeft", "O",
                "MiddleMiddle", "X",
                "BottomRight", "O"));
        Game game = facade.game("6f1c2d6e-5a0b-4c8e-9a51-0e6f1b2c3d4e").orElseThrow();
        assertEquals("dave", game.turn());
        assertEquals(3, game.board().moveCount());

        Game end = play(game, "TopRight", "BottomLeft", "BottomMiddle", "TopMiddle", "MiddleLeft", "MiddleRight");
        assertTrue(end.isDraw() && end.result() == null, "a draw in the domain");
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        assertEquals("N/A", s(item, "Turn"));
        assertEquals("Tie", s(item, "Result"));

        store.putRaw(strings(
                "GameId",
                "0e6f1b2c-5a0b-4c8e-9a51-6f1c2d6e3d4e",
                "HostId",
                "carol",
                "OpponentId",
                "dave",
                "OUser",
                "carol",
                "Turn",
                "N/A",
                "StatusDate",
                "FINISHED_2026-11-21 10:24:05.918273",
                "Result",
                "carol",
                "TopLeft",
                "O",
                "MiddleMiddle",
                "O",
                "BottomRight",
                "O",
                "TopRight",
                "X",
                "BottomLeft",
                "X"));
        Game finished = facade.game("0e6f1b2c-5a0b-4c8e-9a51-6f1c2d6e3d4e").orElseThrow();
        assertEquals(GameStatus.FINISHED, finished.status());
        assertNull(finished.turn());
        assertEquals("carol", finished.winner().orElseThrow());
        assertTrue(finished.winningLine().isPresent());
        assertEquals(Rejection.NOT_IN_PROGRESS, refusal(() -> facade.move(finished.gameId(), "dave", "MiddleLeft")));
    }

    private static Rejection refusal(Supplier<?> request) {
        return assertThrows(GameRuleException.class, request::get).rejection();
    }

    /** Asserts the request is refused for that reason and the stored item is untouched. */
    private static void refusedAndUnchanged(Game game, Rejection expected, Supplier<?> request) {
        Map<String, AttributeValue> before = store.rawItem(game.gameId());
        assertEquals(expected, refusal(request));
        assertEquals(before, store.rawItem(game.gameId()));
    }

    @Test
    void movesAgainstTheRulesAreRefusedWithTheirReasonAndChangeNothing() {
        Game game = play(started("alice", "bob"), "TopLeft");
        String id = game.gameId();

        refusedAndUnchanged(game, Rejection.NOT_YOUR_TURN, () -> facade.move(id, "alice", "TopRight"));
        refusedAndUnchanged(game, Rejection.SQUARE_TAKEN, () -> facade.move(id, "bob", "TopLeft"));
        refusedAndUnchanged(game, Rejection.NOT_A_PLAYER, () -> facade.move(id, "mallory", "TopRight"));
        refusedAndUnchanged(
                game,
                Rejection.NO_SUCH_GAME,
                () -> facade.move("00000000-0000-4000-8000-000000000000", "bob", "TopRight"));

        Game pending = facade.create("alice", "bob");
        refusedAndUnchanged(
                pending, Rejection.NOT_IN_PROGRESS, () -> facade.move(pending.gameId(), "alice", "TopLeft"));

        Game finished = play(started("alice", "bob"), "TopLeft", "MiddleLeft", "TopMiddle", "MiddleMiddle", "TopRight");
        refusedAndUnchanged(
                finished, Rejection.NOT_IN_PROGRESS, () -> facade.move(finished.gameId(), "bob", "BottomRight"));
        refusedAndUnchanged(
                finished, Rejection.NOT_IN_PROGRESS, () -> facade.move(finished.gameId(), "alice", "BottomRight"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HostId",
                "Turn",
                "Result",
                "StatusDate",
                "OUser",
                "topleft",
                "TopLeft ",
                "",
                "TopLeft = :v0 OR",
                "#TopLeft",
                "Top Left"
            })
    void forgedSquareNamesAreRefusedAndChangeNothing(String forged) {
        Game game = started("alice", "bob");
        refusedAndUnchanged(game, Rejection.INVALID_SQUARE, () -> facade.move(game.gameId(), "alice", forged));
    }

    @Test
    void aStaleViewIsRefusedAndTheTruthIsTold() {
        // Another server (a facade with its own memory) moves meanwhile.
        Game game = started("alice", "bob");
        GameFacade elsewhere = store.newFacade();
        elsewhere.move(game.gameId(), "alice", "MiddleMiddle");
        elsewhere.move(game.gameId(), "bob", "TopLeft");
        // This facade still believes it is alice's first move: MiddleMiddle looks free here.
        refusedAndUnchanged(game, Rejection.SQUARE_TAKEN, () -> facade.move(game.gameId(), "alice", "MiddleMiddle"));
        // Now it knows; a legal move goes through.
        assertEquals("bob", facade.move(game.gameId(), "alice", "BottomRight").turn());
    }

    @Test
    void onlyTheInviteeAcceptsAndOnlyWhilePending() {
        Game game = facade.create("alice", "bob");
        refusedAndUnchanged(game, Rejection.NOT_INVITED, () -> facade.accept(game.gameId(), "mallory"));
        refusedAndUnchanged(game, Rejection.NOT_INVITED, () -> facade.accept(game.gameId(), "alice"));
        refusedAndUnchanged(game, Rejection.NOT_INVITED, () -> {
            facade.decline(game.gameId(), "alice");
            return null;
        });
        refusedAndUnchanged(game, Rejection.NOT_HOST, () -> {
            facade.cancel(game.gameId(), "bob");
            return null;
        });
        Game started = facade.accept(game.gameId(), "bob");
        assertEquals(GameStatus.IN_PROGRESS, started.status());
        assertEquals("alice", started.turn());
        // Accepting again (a double click) is answered with the game it started; decline and cancel are refused.
        assertEquals(started, facade.accept(game.gameId(), "bob"));
        assertEquals(started, store.newFacade().accept(game.gameId(), "bob"), "on another server too");
        refusedAndUnchanged(game, Rejection.NOT_PENDING, () -> {
            facade.decline(game.gameId(), "bob");
            return null;
        });
        refusedAndUnchanged(game, Rejection.NOT_PENDING, () -> {
            facade.cancel(game.gameId(), "alice");
            return null;
        });
    }

    @Test
    void acceptAfterDeclineOrCancelIsRefused() {
        Game declined = facade.create("alice", "bob");
        facade.decline(declined.gameId(), "bob");
        assertTrue(store.rawItem(declined.gameId()).isEmpty());
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.accept(declined.gameId(), "bob")));

        Game cancelled = facade.create("alice", "bob");
        facade.cancel(cancelled.gameId(), "alice");
        assertTrue(store.rawItem(cancelled.gameId()).isEmpty());
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.accept(cancelled.gameId(), "bob")));
        assertTrue(store.rawItem(cancelled.gameId()).isEmpty(), "a refused accept creates nothing");
    }

    @Test
    void invitationsNeedAValidOtherPlayer() {
        assertEquals(Rejection.OPPONENT_REQUIRED, refusal(() -> facade.create("alice", "  ")));
        assertEquals(Rejection.SELF_INVITATION, refusal(() -> facade.create("alice", "alice")));
        assertEquals(Rejection.SELF_INVITATION, refusal(() -> facade.create("alice", " ALICE ")));
        assertEquals(Rejection.NO_SUCH_PLAYER, refusal(() -> facade.create("alice", "x".repeat(5000))));
        assertEquals(Rejection.NO_SUCH_PLAYER, refusal(() -> facade.create("alice", "<b>bob</b>")));
        GameRuleException unknown = assertThrows(GameRuleException.class, () -> facade.create("alice", "zed"));
        assertEquals(Rejection.NO_SUCH_PLAYER, unknown.rejection());
        assertEquals(List.of("zed"), List.of(unknown.arguments()), "told with the name as typed");
        assertEquals(
                "bob",
                facade.create("alice", " BOB ").opponentId(),
                "the player as registered, whatever the case typed");
    }

    @Test
    void unknownAndMalformedGameIdsNameNoGame() {
        assertTrue(facade.game("no-such-game").isEmpty());
        assertTrue(facade.game("x".repeat(5000)).isEmpty());
        assertTrue(facade.game("../../etc").isEmpty());
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.accept("x".repeat(5000), "bob")));
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.move("x".repeat(5000), "bob", "TopLeft")));
    }

    @Test
    void theTableHasTheOriginalsKeyAndIndexes() {
        var table =
                store.client().describeTable(d -> d.tableName(store.table())).table();
        assertEquals("GameId", table.keySchema().get(0).attributeName());
        assertEquals(
                Set.of("HostId-StatusDate-index", "OpponentId-StatusDate-index", GamesTable.STALL_INDEX),
                Set.copyOf(table.globalSecondaryIndexes().stream()
                        .map(i -> i.indexName())
                        .toList()));
        table.globalSecondaryIndexes().stream()
                .filter(index -> !index.indexName().equals(GamesTable.STALL_INDEX))
                .forEach(index -> {
                    assertEquals(
                            index.indexName().replace("-StatusDate-index", ""),
                            index.keySchema().get(0).attributeName());
                    assertEquals("StatusDate", index.keySchema().get(1).attributeName());
                    assertFalse(
                            index.projection().nonKeyAttributes().contains("Turn"), "moves must not write the indexes");
                    assertFalse(index.projection().nonKeyAttributes().contains("Moves"), "nor the order of play");
                });
        var stall = table.globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(GamesTable.STALL_INDEX))
                .findFirst()
                .orElseThrow();
        assertEquals("KEYS_ONLY", stall.projection().projectionTypeAsString(), "the sweep reads ids only");
    }
}
