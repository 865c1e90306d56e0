package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.testsupport.LocalGames;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the facade counts: each game created, started and finished once, each move, each refused
 * move by its reason; and the operator's log lines of the same changes.
 */
class GameFacadeMetricsOnDynamoDbTest {

    private final RecordingGameMetrics metrics = new RecordingGameMetrics();
    private LocalGames store;
    private GameFacade facade;
    private String alice;
    private String bob;

    @BeforeEach
    void newStore() {
        store = LocalGames.withFreshTable();
        alice = "alice" + UUID.randomUUID().toString().substring(0, 6);
        bob = "bob" + UUID.randomUUID().toString().substring(0, 6);
        store.register(alice, bob, "carol");
        facade = store.newFacade(metrics);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void refused(String expected, Runnable request) {
        metrics.clear();
        assertThrows(GameRuleException.class, request::run);
        assertEquals(List.of("refused " + expected), metrics.counted());
    }

    @Test
    void aWonGameIsCreatedStartedMovedAndFinishedOnce() {
        Game game = facade.create(alice, bob);
        facade.create(alice, bob); // the open invitation again: nothing new
        facade.accept(game.gameId(), bob);
        for (String[] move : new String[][] {
            {alice, "TopLeft"}, {bob, "MiddleLeft"}, {alice, "TopMiddle"}, {bob, "MiddleMiddle"}, {alice, "TopRight"}
        }) {
            facade.move(game.gameId(), move[0], move[1]);
        }
        assertEquals(
                List.of("created", "started", "move", "move", "move", "move", "move", "finished win"),
                metrics.counted());
    }

    @Test
    void aDrawIsFinishedAsADraw() {
        Game game = facade.create(alice, bob);
        facade.accept(game.gameId(), bob);
        String[] squares = {
            "TopLeft",
            "TopMiddle",
            "TopRight",
            "MiddleMiddle",
            "MiddleLeft",
            "MiddleRight",
            "BottomMiddle",
            "BottomLeft",
            "BottomRight"
        };
        List<String> lines = logged(() -> {
            for (int i = 0; i < squares.length; i++) {
                facade.move(game.gameId(), i % 2 == 0 ? alice : bob, squares[i]);
            }
        });
        assertEquals("INFO Game finished: " + game.gameId() + ", a draw", lines.get(lines.size() - 1));
        assertEquals("finished draw", metrics.counted().get(metrics.counted().size() - 1));
        assertEquals(9, metrics.count("move"));
    }

    @Test
    void refusedMovesAreCountedByTheirReasonAndNothingElse() {
        Game game = facade.create(alice, bob);
        refused("NOT_IN_PROGRESS", () -> facade.move(game.gameId(), alice, "TopLeft"));
        facade.accept(game.gameId(), bob);
        facade.move(game.gameId(), alice, "TopLeft");
        refused("NOT_YOUR_TURN", () -> facade.move(game.gameId(), alice, "TopRight"));
        refused("SQUARE_TAKEN", () -> facade.move(game.gameId(), bob, "TopLeft"));
        refused("INVALID_SQUARE", () -> facade.move(game.gameId(), bob, "Nowhere"));
        refused("NOT_A_PLAYER", () -> facade.move(game.gameId(), "carol", "TopRight"));
        refused("NO_SUCH_GAME", () -> facade.move(UUID.randomUUID().toString(), bob, "TopRight"));
        metrics.clear();
        assertThrows(GameRuleException.class, () -> facade.accept(game.gameId(), bob + "x"));
        assertEquals(List.of(), metrics.counted(), "only moves are counted as refused moves");
    }

    /** The facade's log lines, with their level, while {@code requests} run. */
    private static List<String> logged(Runnable requests) {
        Logger log = Logger.getLogger(GameFacade.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level level = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(recorder);
        try {
            requests.run();
        } finally {
            log.removeHandler(recorder);
            log.setLevel(level);
        }
        return List.copyOf(lines);
    }

    /** One line per change an operator would want at INFO (created, started, finished, withdrawn); moves at FINE. */
    @Test
    void eachChangeIsLoggedOnceAtItsLevel() {
        List<String> expected = new ArrayList<>();
        List<String> lines = logged(() -> {
            Game game = facade.create(alice, bob);
            expected.add("INFO Game created: " + game.gameId() + ", " + alice + " invites " + bob);
            facade.create(alice, bob); // the open invitation again: nothing new
            facade.accept(game.gameId(), bob);
            expected.add("INFO Game started: " + game.gameId());
            for (String[] move :
                    new String[][] {{alice, "TopLeft"}, {bob, "MiddleLeft"}, {alice, "TopMiddle"}, {bob, "MiddleMiddle"}
                    }) {
                Game moved = facade.move(game.gameId(), move[0], move[1]);
                expected.add("FINE Move " + moved.progress() + " in game " + game.gameId());
            }
            facade.move(game.gameId(), alice, "TopRight");
            expected.add("INFO Game finished: " + game.gameId() + ", won by " + alice);

            Game declined = facade.create(bob, alice);
            expected.add("INFO Game created: " + declined.gameId() + ", " + bob + " invites " + alice);
            facade.decline(declined.gameId(), alice);
            expected.add("INFO Invitation withdrawn: game " + declined.gameId() + ", " + bob + " to " + alice);
        });
        assertEquals(expected, lines);
    }
}
