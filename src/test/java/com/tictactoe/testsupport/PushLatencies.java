package com.tictactoe.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The time from a click on a square to the mark on the opponent's board, move after move: with
 * the opponent's browser cut off from polling, only a push brings the mark there.
 */
public final class PushLatencies {

    private final List<Double> inOrder = new ArrayList<>();

    /**
     * The browsers take turns, {@code first} first: each click is timed until the other page shows
     * the mark, then the mover's own page shows it too before the next move.
     */
    public void play(Browser first, Browser second, String... squares) {
        Browser mover = first;
        Browser other = second;
        for (String square : squares) {
            other.watchSquare(square);
            double clicked = mover.clickSquareAt(square);
            other.waitForMark(square);
            inOrder.add(other.markedAt(square) - clicked);
            mover.waitForMark(square);
            Browser moved = mover;
            mover = other;
            other = moved;
        }
    }

    public int count() {
        return inOrder.size();
    }

    /** Milliseconds, in the order the moves were played. */
    public List<Long> rounded() {
        return inOrder.stream().map(Math::round).toList();
    }

    public double percentile(int percent) {
        List<Double> sorted = inOrder.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** As "over N moves: p50 .. ms, p95 .. ms, max .. ms". */
    public String summary() {
        return String.format(
                "over %d moves: p50 %.0f ms, p95 %.0f ms, max %.0f ms",
                count(), percentile(50), percentile(95), percentile(100));
    }
}
