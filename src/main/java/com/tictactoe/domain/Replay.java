package com.tictactoe.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished game move by move: the board after each of its moves, from the empty board (position
 * 0) to the final one (position {@link #length()}). Only a game whose whole order of play is
 * known can be replayed.
 */
public final class Replay {

    private final Board last;
    private final List<Square> order;

    private Replay(Board last) {
        this.last = last;
        this.order = last.playedOrder();
    }

    /**
     * The replay of a finished game, or empty if it is not finished or its order is not known
     * (moves made by the original app), or if the recorded order does not alternate from O as
     * every game does, which only a damaged item could show.
     */
    public static Optional<Replay> of(Game game) {
        Board board = game.board();
        if (game.status() != GameStatus.FINISHED || !board.isOrderKnown()) {
            return Optional.empty();
        }
        Mark expected = Mark.O;
        for (Square square : board.playedOrder()) {
            if (board.markAt(square).orElseThrow() != expected) {
                return Optional.empty();
            }
            expected = expected.other();
        }
        return Optional.of(new Replay(board));
    }

    /** How many moves the game had: the last position. */
    public int length() {
        return order.size();
    }

    /** {@code position} kept within 0 and {@link #length()}. */
    public int clamp(int position) {
        return Math.max(0, Math.min(length(), position));
    }

    /** The board after the first {@code position} moves. */
    public Board boardAt(int position) {
        Map<Square, Mark> marks = new EnumMap<>(Square.class);
        List<Square> played = order.subList(0, clamp(position));
        played.forEach(square -> marks.put(square, last.markAt(square).orElseThrow()));
        return Board.of(marks, played);
    }

    /** The square played by the move that led to {@code position}; none before the first move. */
    public Optional<Square> moveTo(int position) {
        int clamped = clamp(position);
        return clamped == 0 ? Optional.empty() : Optional.of(order.get(clamped - 1));
    }
}
