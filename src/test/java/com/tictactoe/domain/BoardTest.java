package com.tictactoe.domain;

import static com.tictactoe.domain.Mark.O;
import static com.tictactoe.domain.Mark.X;
import static com.tictactoe.domain.Square.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The board on its own: marks, lines, equality and its short text form. */
class BoardTest {

    private static Board board(Object... squaresAndMarks) {
        Board board = Board.empty();
        for (int i = 0; i < squaresAndMarks.length; i += 2) {
            board = board.with((Square) squaresAndMarks[i], (Mark) squaresAndMarks[i + 1]);
        }
        return board;
    }

    @Test
    void anEmptyBoardHasNoMarks() {
        Board empty = Board.empty();
        assertEquals(0, empty.moveCount());
        assertFalse(empty.isFull());
        assertTrue(empty.marks().isEmpty());
        for (Square square : Square.values()) {
            assertTrue(empty.isEmpty(square), square.name());
            assertEquals(Optional.empty(), empty.markAt(square));
        }
        assertEquals(Optional.empty(), empty.completedLine());
        assertEquals(".../.../...", empty.toString());
    }

    @Test
    void boardsAreBuiltFromAnyMapOfMarks() {
        assertSame(Board.empty(), Board.of(Map.of()), "no marks at all is the empty board");
        assertSame(Board.empty(), Board.of(new HashMap<>()));
        Board fromHashMap = Board.of(new HashMap<>(Map.of(TOP_LEFT, O, BOTTOM_RIGHT, X)));
        assertEquals(2, fromHashMap.moveCount());
        assertEquals(Optional.of(O), fromHashMap.markAt(TOP_LEFT));
        assertEquals(Optional.of(X), fromHashMap.markAt(BOTTOM_RIGHT));
        assertTrue(fromHashMap.isEmpty(MIDDLE_MIDDLE));
        assertFalse(fromHashMap.isEmpty(TOP_LEFT));
        assertEquals(board(TOP_LEFT, O, BOTTOM_RIGHT, X), fromHashMap);
        assertEquals(Map.of(TOP_LEFT, O, BOTTOM_RIGHT, X), fromHashMap.marks());
    }

    @Test
    void aBoardDoesNotChangeWhenAMarkIsAdded() {
        Board one = Board.empty().with(MIDDLE_MIDDLE, O);
        Board two = one.with(TOP_RIGHT, X);
        Board three = two.with(BOTTOM_LEFT, O);

        assertEquals(Map.of(MIDDLE_MIDDLE, O), one.marks());
        assertEquals(Map.of(MIDDLE_MIDDLE, O, TOP_RIGHT, X), two.marks());
        assertEquals(Map.of(MIDDLE_MIDDLE, O, TOP_RIGHT, X, BOTTOM_LEFT, O), three.marks());
        assertEquals(3, three.moveCount());
        assertTrue(Board.empty().marks().isEmpty(), "the empty board stays empty");
        assertThrows(UnsupportedOperationException.class, () -> three.marks().put(TOP_LEFT, X));

        Map<Square, Mark> source = new EnumMap<>(Map.of(TOP_LEFT, X));
        Board copied = Board.of(source);
        source.put(TOP_MIDDLE, O);
        assertEquals(1, copied.moveCount(), "a board keeps its own copy of the marks");
    }

    @Test
    void aTakenSquareCannotBeMarkedAgain() {
        Board board = board(TOP_LEFT, O);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> board.with(TOP_LEFT, X));
        assertEquals("TOP_LEFT is already taken", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> board.with(TOP_LEFT, O));
    }

    @Test
    void nineMarksFillTheBoard() {
        Board eight = board(
                TOP_LEFT,
                O,
                TOP_MIDDLE,
                X,
                TOP_RIGHT,
                O,
                MIDDLE_LEFT,
                O,
                MIDDLE_MIDDLE,
                X,
                MIDDLE_RIGHT,
                X,
                BOTTOM_LEFT,
                X,
                BOTTOM_MIDDLE,
                O);
        assertEquals(8, eight.moveCount());
        assertFalse(eight.isFull());
        Board nine = eight.with(BOTTOM_RIGHT, O);
        assertEquals(9, nine.moveCount());
        assertTrue(nine.isFull());
        assertEquals(Optional.empty(), nine.completedLine(), "a drawn board has no line");
        assertEquals("OXO/OXX/XOO", nine.toString());
    }

    @Test
    void everyLineIsFoundWhicheverMarkHoldsIt() {
        for (WinningLine line : WinningLine.values()) {
            for (Mark mark : Mark.values()) {
                Board board = Board.empty();
                for (Square square : line.squares()) {
                    board = board.with(square, mark);
                }
                assertEquals(Optional.of(line), board.completedLine(), line + " of " + mark);
                assertEquals(Optional.of(mark), line.heldBy(board));
            }
        }
    }

    @Test
    void twoOfALineOrAMixedLineIsNoLine() {
        for (WinningLine line : WinningLine.values()) {
            Square a = line.squares().get(0);
            Square b = line.squares().get(1);
            Square c = line.squares().get(2);
            assertEquals(Optional.empty(), line.heldBy(board(a, O, b, O)), line + " first two");
            assertEquals(Optional.empty(), line.heldBy(board(b, O, c, O)), line + " last two");
            assertEquals(Optional.empty(), line.heldBy(board(a, O, c, O)), line + " ends");
            assertEquals(Optional.empty(), line.heldBy(board(a, X, b, O, c, O)), line + " first differs");
            assertEquals(Optional.empty(), line.heldBy(board(a, O, b, X, c, O)), line + " middle differs");
            assertEquals(Optional.empty(), line.heldBy(board(a, O, b, O, c, X)), line + " last differs");
            assertEquals(Optional.empty(), board(a, O, b, O, c, X).completedLine());
        }
    }

    @Test
    void theFirstCompletedLineInTheirOrderIsReported() {
        Board twoLines = board(TOP_LEFT, O, TOP_MIDDLE, O, TOP_RIGHT, O, MIDDLE_LEFT, O, BOTTOM_LEFT, O);
        assertEquals(Optional.of(WinningLine.TOP_ROW), twoLines.completedLine());
    }

    @Test
    void linesKnowTheirSquares() {
        assertEquals(java.util.List.of(TOP_RIGHT, MIDDLE_MIDDLE, BOTTOM_LEFT), WinningLine.ANTI_DIAGONAL.squares());
        assertTrue(WinningLine.ANTI_DIAGONAL.contains(MIDDLE_MIDDLE));
        assertFalse(WinningLine.ANTI_DIAGONAL.contains(TOP_LEFT));
        long throughCentre = java.util.Arrays.stream(WinningLine.values())
                .filter(line -> line.contains(MIDDLE_MIDDLE))
                .count();
        assertEquals(4, throughCentre);
    }

    @Test
    void boardsAreEqualWhenTheirMarksAre() {
        Board a = board(TOP_LEFT, O, MIDDLE_MIDDLE, X);
        Board b = board(MIDDLE_MIDDLE, X, TOP_LEFT, O);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a);
        assertNotEquals(a, board(TOP_LEFT, X, MIDDLE_MIDDLE, O));
        assertNotEquals(a, board(TOP_LEFT, O));
        assertNotEquals(a, a.toString());
        assertNotEquals(a, null);
        assertEquals(Board.empty(), Board.of(new HashMap<>()));

        Set<Integer> hashes = new HashSet<>();
        for (Square square : Square.values()) {
            hashes.add(board(square, O).hashCode());
            hashes.add(board(square, X).hashCode());
        }
        assertTrue(hashes.size() > 9, "hash codes tell boards apart: " + hashes);
    }

    @Test
    void theTextFormShowsRowsTopToBottom() {
        assertEquals(
                "O../.X./..O",
                board(TOP_LEFT, O, MIDDLE_MIDDLE, X, BOTTOM_RIGHT, O).toString());
        assertEquals("..X/.../X..", board(TOP_RIGHT, X, BOTTOM_LEFT, X).toString());
    }

    @Test
    void marksAlternate() {
        assertEquals(X, O.other());
        assertEquals(O, X.other());
    }
}
