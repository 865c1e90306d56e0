package com.tictactoe.domain;

import static com.tictactoe.domain.Mark.O;
import static com.tictactoe.domain.Mark.X;
import static com.tictactoe.domain.Square.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A finished game step by step, and the games that cannot be replayed. */
class ReplayTest {

    private static final Instant NOW = Instant.parse("2026-12-06T21:00:00Z");

    private static Game started() {
        return Game.invite("0b1c2d3e-0000-4000-8000-00000000000a", "alice", "bob", NOW)
                .accept("bob", NOW);
    }

    private static Game play(Game game, Square... squares) {
        for (Square square : squares) {
            game = game.play(game.turn(), square, NOW);
        }
        return game;
    }

    private static Game finishedWith(Board board) {
        return new Game(
                "0b1c2d3e-0000-4000-8000-00000000000b",
                "alice",
                "bob",
                "alice",
                null,
                new StatusDate(GameStatus.FINISHED, NOW),
                "alice",
                board);
    }

    @Test
    void aFinishedGameStepsFromTheEmptyBoardToTheFinalOne() {
        Game won = play(
                started(), MIDDLE_MIDDLE, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, MIDDLE_LEFT, BOTTOM_MIDDLE, MIDDLE_RIGHT);
        Replay replay = Replay.of(won).orElseThrow();

        assertEquals(7, replay.length());
        assertEquals(Board.empty(), replay.boardAt(0));
        assertEquals(Optional.empty(), replay.moveTo(0));
        assertEquals(Map.of(MIDDLE_MIDDLE, O), replay.boardAt(1).marks());
        assertEquals(Optional.of(MIDDLE_MIDDLE), replay.moveTo(1));
        assertEquals(
                Map.of(MIDDLE_MIDDLE, O, TOP_LEFT, X, TOP_RIGHT, O),
                replay.boardAt(3).marks());
        assertEquals(Optional.of(TOP_RIGHT), replay.moveTo(3));
        assertEquals(won.board(), replay.boardAt(7));
        assertEquals(Optional.of(MIDDLE_RIGHT), replay.moveTo(7));
        assertEquals(
                List.of(MIDDLE_MIDDLE, TOP_LEFT, TOP_RIGHT), replay.boardAt(3).playedOrder());
    }

    @Test
    void positionsOutsideTheGameAreItsEnds() {
        Replay replay = Replay.of(play(started(), TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT))
                .orElseThrow();
        assertEquals(0, replay.clamp(-3));
        assertEquals(5, replay.clamp(99));
        assertEquals(Board.empty(), replay.boardAt(-1));
        assertEquals(replay.boardAt(5), replay.boardAt(6));
    }

    @Test
    void onlyFinishedGamesWithTheirWholeOrderAreReplayed() {
        assertTrue(Replay.of(play(started(), TOP_LEFT, MIDDLE_LEFT)).isEmpty(), "still being played");

        Map<Square, Mark> marks = Map.of(TOP_LEFT, O, MIDDLE_LEFT, X, TOP_MIDDLE, O, MIDDLE_MIDDLE, X, TOP_RIGHT, O);
        assertTrue(Replay.of(finishedWith(Board.of(marks))).isEmpty(), "played by the original: no order");
        assertTrue(
                Replay.of(finishedWith(Board.of(marks, List.of(MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT))))
                        .isEmpty(),
                "the first move by the original, the others here");
        assertTrue(
                Replay.of(finishedWith(
                                Board.of(marks, List.of(MIDDLE_LEFT, TOP_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT))))
                        .isEmpty(),
                "an order in which X moved first is not how a game is played");
        assertTrue(Replay.of(finishedWith(
                        Board.of(marks, List.of(TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT))))
                .isPresent());
    }
}
