package com.tictactoe.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable 3x3 board: which mark stands on which square, and the order in which the squares
 * were played as far as it is known. The original app records no order, so a board read from one
 * of its items knows only part of it, or none (see {@link #isOrderKnown}). Two boards are equal
 * when their marks are: a move's write is conditional on the marks, never on the order.
 */
public final class Board implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Board EMPTY = new Board(new EnumMap<>(Square.class), List.of());

    private final Map<Square, Mark> marks;

    /** The squares in the order they were played, as recorded; null in a board serialized before. */
    private final List<Square> order;

    private Board(EnumMap<Square, Mark> marks, List<Square> order) {
        this.marks = Collections.unmodifiableMap(marks);
        this.order = order;
    }

    public static Board empty() {
        return EMPTY;
    }

    /** A board whose order of play is not known. */
    public static Board of(Map<Square, Mark> marks) {
        return of(marks, List.of());
    }

    /**
     * A board with the order of play as recorded, which need not match the marks: a game that the
     * original app played on has fewer squares recorded than marked.
     */
    public static Board of(Map<Square, Mark> marks, List<Square> order) {
        return marks.isEmpty() && order.isEmpty() ? EMPTY : new Board(new EnumMap<>(marks), List.copyOf(order));
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

    /** The board after {@code mark} is played on {@code square}, which comes last in the order. */
    public Board with(Square square, Mark mark) {
        if (!isEmpty(square)) {
            throw new IllegalArgumentException(square + " is already taken");
        }
        EnumMap<Square, Mark> next = marks.isEmpty() ? new EnumMap<>(Square.class) : new EnumMap<>(marks);
        next.put(square, mark);
        List<Square> played = new ArrayList<>(playedOrder());
        played.add(square);
        return new Board(next, List.copyOf(played));
    }

    /** The squares in the order they were played, as far as recorded: see {@link #isOrderKnown}. */
    public List<Square> playedOrder() {
        return order == null ? List.of() : order;
    }

    /**
     * Whether the recorded order is the whole order: each marked square exactly once, nothing
     * else. It is not when a move was made by the original app, which records none.
     */
    public boolean isOrderKnown() {
        List<Square> played = playedOrder();
        if (played.size() != marks.size()) {
            return false;
        }
        EnumSet<Square> seen = EnumSet.noneOf(Square.class);
        for (Square square : played) {
            if (!marks.containsKey(square) || !seen.add(square)) {
                return false;
            }
        }
        return true;
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
