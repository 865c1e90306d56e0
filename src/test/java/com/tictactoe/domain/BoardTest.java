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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    @Test
    void aBoardRemembersTheOrderItsSquaresWerePlayedIn() {
        Board played = board(MIDDLE_MIDDLE, O, TOP_LEFT, X, BOTTOM_RIGHT, O);
        assertEquals(List.of(MIDDLE_MIDDLE, TOP_LEFT, BOTTOM_RIGHT), played.playedOrder());
        assertTrue(played.isOrderKnown());
        assertTrue(Board.empty().isOrderKnown(), "nothing played, nothing unknown");
        assertEquals(
                List.of(MIDDLE_MIDDLE, TOP_LEFT),
                board(MIDDLE_MIDDLE, O, TOP_LEFT, X).playedOrder());

        Board otherOrder = board(BOTTOM_RIGHT, O, TOP_LEFT, X, MIDDLE_MIDDLE, O);
        assertEquals(played, otherOrder, "equal by their marks: a move's write compares marks only");
        assertEquals(played.hashCode(), otherOrder.hashCode());
    }

    @Test
    void aBoardFromMarksAloneHasNoKnownOrderAndMovesOnItDoNotMakeOneUp() {
        Board original = Board.of(Map.of(TOP_LEFT, O, MIDDLE_MIDDLE, X));
        assertEquals(List.of(), original.playedOrder());
        assertFalse(original.isOrderKnown());

        Board movedOn = original.with(BOTTOM_RIGHT, O);
        assertEquals(List.of(BOTTOM_RIGHT), movedOn.playedOrder(), "appended to what was recorded");
        assertFalse(movedOn.isOrderKnown(), "two squares of three were played by the original");
    }

    @Test
    void aRecordedOrderIsKnownOnlyIfItNamesEachMarkedSquareOnce() {
        Map<Square, Mark> marks = Map.of(TOP_LEFT, O, MIDDLE_MIDDLE, X, BOTTOM_RIGHT, O);
        assertTrue(
                Board.of(marks, List.of(TOP_LEFT, MIDDLE_MIDDLE, BOTTOM_RIGHT)).isOrderKnown());
        assertFalse(Board.of(marks, List.of(TOP_LEFT, MIDDLE_MIDDLE)).isOrderKnown(), "one move by the original");
        assertFalse(Board.of(marks, List.of(TOP_LEFT, MIDDLE_MIDDLE, TOP_LEFT)).isOrderKnown(), "twice");
        assertFalse(Board.of(marks, List.of(TOP_LEFT, MIDDLE_MIDDLE, TOP_RIGHT)).isOrderKnown(), "an empty square");
        assertFalse(Board.of(marks, List.of(TOP_LEFT, MIDDLE_MIDDLE, BOTTOM_RIGHT, TOP_RIGHT))
                .isOrderKnown());
        assertEquals(
                List.of(TOP_LEFT, MIDDLE_MIDDLE),
                Board.of(marks, List.of(TOP_LEFT, MIDDLE_MIDDLE)).playedOrder(),
                "kept as recorded");
    }

    @Test
    void theOrderSurvivesSerialization() throws Exception {
        Board played = board(MIDDLE_MIDDLE, O, TOP_LEFT, X);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(played);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Board read = (Board) in.readObject();
            assertEquals(played, read);
            assertEquals(List.of(MIDDLE_MIDDLE, TOP_LEFT), read.playedOrder());
        }
    }
}
