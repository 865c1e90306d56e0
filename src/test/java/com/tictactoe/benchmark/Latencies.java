package com.tictactoe.benchmark;

import java.util.Arrays;

/** Durations of one kind of request, kept whole so that any percentile can be read afterwards. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code percentile}th percentile in milliseconds (nearest rank); 100 is the maximum, NaN if none. */
    synchronized double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    String summary() {
        return String.format(
                "p50 %s, p90 %s, p99 %s, max %s ms", ms(millis(50)), ms(millis(90)), ms(millis(99)), ms(millis(100)));
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return millis < 10
                ? String.format("%.2f", millis)
                : millis < 100 ? String.format("%.1f", millis) : String.format("%.0f", millis);
    }
}
