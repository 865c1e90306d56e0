package com.tictactoe.domain;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** An immutable 3x3 board: which mark stands on which square. */
public final class Board implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Board EMPTY = new Board(new EnumMap<>(Square.class));

    private final Map<Square, Mark> marks;

    private Board(EnumMap<Square, Mark> marks) {
        this.marks = Collections.unmodifiableMap(marks);
    }

    public static Board empty() {
        return EMPTY;
    }

    public static Board of(Map<Square, Mark> marks) {
        return marks.isEmpty() ? EMPTY : new Board(new EnumMap<>(marks));
    }

    public Optional<Mark> markAt(Square square) {
        return Optional.ofNullable(marks.get(square));
    }

    public boolean isEmpty(Square square) {
        return !marks.containsKey(square);
    }

    /** The occupied squares and their marks. */
    public Map<Square, Mark> marks() {
        return marks;
    }

    public int moveCount() {
        return marks.size();
    }

    public boolean isFull() {
        return marks.size() == Square.values().length;
    }

    public Board with(Square square, Mark mark) {
        if (!isEmpty(square)) {
            throw new IllegalArgumentException(square + " is already taken");
        }
        EnumMap<Square, Mark> next = marks.isEmpty() ? new EnumMap<>(Square.class) : new EnumMap<>(marks);
        next.put(square, mark);
        return new Board(next);
    }

    /** The first completed line, if any. In a legal game at most one mark can have completed lines. */
    public Optional<WinningLine> completedLine() {
        for (WinningLine line : WinningLine.values()) {
            if (line.heldBy(this).isPresent()) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Board board && marks.equals(board.marks);
    }

    @Override
    public int hashCode() {
        return marks.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Square square : Square.values()) {
            text.append(markAt(square).map(Mark::name).orElse("."));
            if (square.column() == 2 && square.row() < 2) {
                text.append('/');
            }
        }
        return text.toString();
    }
}
