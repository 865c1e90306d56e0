package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Plays every legal game of tic-tac-toe (all 255,168 move sequences) and checks each step against
 * a referee written independently of the domain's own line detection.
 */
class EveryGameTest {

    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}
    };
    private static final Instant NOW = Instant.parse("2026-11-21T10:20:32.123456Z");

    private long games;
    private long hostWins;
    private long opponentWins;
    private long draws;

    @Test
    void everyLegalSequenceEndsExactlyWhenTheRulesSay() {
        Game start = Game.invite("g", "alice", "bob", NOW).accept("bob", NOW);
        assertEquals("alice", start.turn(), "the host moves first");
        assertEquals(Mark.O, start.markOf("alice"));

        explore(start, new char[9], 'O');

        assertEquals(255_168, games);
        assertEquals(131_184, hostWins, "first player (O) wins");
        assertEquals(77_904, opponentWins, "second player (X) wins");
        assertEquals(46_080, draws);
    }

    private void explore(Game game, char[] cells, char toMove) {
        String mover = toMove == 'O' ? "alice" : "bob";
        for (Square square : Square.values()) {
            int i = square.ordinal();
            if (cells[i] != 0) {
                assertEquals(Optional.of(Rejection.SQUARE_TAKEN), game.moveRejection(mover, square));
                continue;
            }
            assertEquals(Optional.of(Rejection.NOT_YOUR_TURN), game.moveRejection(game.opponentOf(mover), square));
            cells[i] = toMove;
            Game after = game.play(mover, square, NOW);
            assertEquals(
                    Mark.valueOf(String.valueOf(toMove)),
                    after.board().markAt(square).orElseThrow());
            char winner = referee(cells);
            boolean full = countMarks(cells) == 9;
            if (winner != 0 || full) {
                checkFinished(after, winner, cells);
            } else {
                assertEquals(GameStatus.IN_PROGRESS, after.status());
                assertEquals(game.opponentOf(mover), after.turn());
                assertNull(after.result());
                assertTrue(after.winningLine().isEmpty());
                explore(after, cells, toMove == 'O' ? 'X' : 'O');
            }
            cells[i] = 0;
        }
    }

    private void checkFinished(Game game, char winner, char[] cells) {
        games++;
        assertEquals(GameStatus.FINISHED, game.status());
        assertNull(game.turn(), "nobody is to move in a finished game");
        if (winner == 0) {
            draws++;
            assertNull(game.result(), "a draw has no winner");
            assertTrue(game.isDraw());
            assertEquals(Optional.of(Outcome.DRAW), game.outcomeFor("alice"));
            assertTrue(game.winningLine().isEmpty());
        } else {
            String expected = winner == 'O' ? "alice" : "bob";
            if (winner == 'O') {
                hostWins++;
            } else {
                opponentWins++;
            }
            assertEquals(expected, game.result());
            assertEquals(Optional.of(expected), game.winner());
            assertEquals(Optional.of(Outcome.WIN), game.outcomeFor(expected));
            assertEquals(Optional.of(Outcome.LOSS), game.outcomeFor(game.opponentOf(expected)));
            WinningLine line = game.winningLine().orElseThrow();
            for (Square square : line.squares()) {
                assertEquals(winner, cells[square.ordinal()], "the highlighted line is the winner's");
            }
        }
        for (Square square : Square.values()) {
            for (String player : new String[] {"alice", "bob"}) {
                Optional<Rejection> rejection = game.moveRejection(player, square);
                assertEquals(Optional.of(Rejection.NOT_IN_PROGRESS), rejection, "no move after the end");
            }
        }
        assertThrows(GameRuleException.class, () -> game.play("alice", Square.TOP_LEFT, NOW));
    }

    private static char referee(char[] cells) {
        for (int[] line : LINES) {
            char first = cells[line[0]];
            if (first != 0 && first == cells[line[1]] && first == cells[line[2]]) {
                return first;
            }
        }
        return 0;
    }

    private static int countMarks(char[] cells) {
        int count = 0;
        for (char cell : cells) {
            if (cell != 0) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aPendingGameCannotBePlayed() {
        Game pending = Game.invite("g", "alice", "bob", NOW);
        assertEquals(Optional.of(Rejection.NOT_IN_PROGRESS), pending.moveRejection("alice", Square.TOP_LEFT));
        assertFalse(pending.winner().isPresent());
    }
}
