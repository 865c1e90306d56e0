package com.tictactoe.web.errors;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many failed requests get a line of their own: {@code burst} at once, then one every
 * {@code interval}; the others are counted by status, to be summed up in one line. One client can
 * fail thousands of requests a second (pages flooded, forms refused), and a line each would fill
 * the disk or the log service's bill, and cost the server more than answering them.
 */
final class LogBudget {

    private final long intervalNanos;
    /** How far ahead of now the lines already logged may have spent the budget. */
    private final long aheadAtMostNanos;
    /** When the budget is spent up to: lines are allowed while this is at most {@link #aheadAtMostNanos} ahead. */
    private final AtomicLong spentUntil;

    private final Map<Integer, LongAdder> unlogged = new ConcurrentHashMap<>();

    LogBudget(int burst, Duration interval, long nowNanos) {
        if (burst < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a burst of at least one line and a positive interval");
        }
        intervalNanos = interval.toNanos();
        aheadAtMostNanos = (burst - 1) * intervalNanos;
        spentUntil = new AtomicLong(nowNanos);
    }

    /** Whether a failed request with {@code status} gets its own line at {@code nowNanos}; if not, it is counted. */
    boolean lineFor(int status, long nowNanos) {
        while (true) {
            long spent = spentUntil.get();
            long from = spent - nowNanos > 0 ? spent : nowNanos;
            if (from - nowNanos > aheadAtMostNanos) {
                unlogged.computeIfAbsent(status, s -> new LongAdder()).increment();
                return false;
            }
            if (spentUntil.compareAndSet(spent, from + intervalNanos)) {
                return true;
            }
        }
    }

    /** The failed requests counted since the last call, by status, and counting starts again. */
    Map<Integer, Long> takeUnlogged() {
        Map<Integer, Long> taken = new TreeMap<>();
        unlogged.forEach((status, count) -> {
            long sum = count.sumThenReset();
            if (sum > 0) {
                taken.put(status, sum);
            }
        });
        return taken;
    }
}
