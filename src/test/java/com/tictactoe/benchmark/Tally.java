package com.tictactoe.benchmark;

import com.tictactoe.testsupport.PagePlayer;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What the players of one measured phase sent: every answered request timed, by kind and in all;
 * the failed ones counted by what went wrong; the first unexpected answer kept for the report.
 * A tally that is not {@link #open() open} (a warm-up) records nothing.
 */
final class Tally implements PagePlayer.Traffic {

    private final Latencies all = new Latencies();
    private final Map<PagePlayer.Request, Latencies> byKind = new EnumMap<>(PagePlayer.Request.class);
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final AtomicInteger unexpectedAnswers = new AtomicInteger();
    private final AtomicReference<String> firstUnexpected = new AtomicReference<>();
    private volatile boolean open = true;

    Tally() {
        for (PagePlayer.Request kind : PagePlayer.Request.values()) {
            byKind.put(kind, new Latencies());
        }
    }

    /** A tally that records nothing, for warming up. */
    static Tally ignoring() {
        Tally tally = new Tally();
        tally.open = false;
        return tally;
    }

    /** Records from now on. */
    void start() {
        open = true;
    }

    boolean open() {
        return open;
    }

    @Override
    public void answered(PagePlayer.Request kind, long nanos) {
        if (open) {
            all.add(nanos);
            byKind.get(kind).add(nanos);
        }
    }

    @Override
    public void failed(String kind) {
        if (open) {
            failed.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public void unexpected(String what, String request, String answer) {
        if (open) {
            unexpectedAnswers.incrementAndGet();
            firstUnexpected.compareAndSet(
                    null,
                    what + " ("
                            + answer.replaceAll("\\s+", " ")
                                    .substring(
                                            0,
                                            Math.min(
                                                    300,
                                                    answer.replaceAll("\\s+", " ")
                                                            .length()))
                            + ")");
        }
    }

    Latencies all() {
        return all;
    }

    Latencies of(PagePlayer.Request kind) {
        return byKind.get(kind);
    }

    /** How many requests of each kind one of {@code actions} took, e.g. "4.0 PAGE, 7.0 MOVE". */
    String countsPerAction(int actions) {
        return byKind.entrySet().stream()
                .filter(kind -> kind.getValue().count() > 0)
                .map(kind -> String.format(
                        "%.1f %s", kind.getValue().count() / (double) Math.max(1, actions), kind.getKey()))
                .collect(Collectors.joining(", "));
    }

    /** Requests answered as expected. */
    int answered() {
        return all.count();
    }

    /** Requests that failed (status, no answer) plus answers that were not what a browser expects. */
    int errors() {
        return failed.values().stream().mapToInt(AtomicInteger::get).sum() + unexpectedAnswers.get();
    }

    String errorDetail() {
        if (errors() == 0) {
            return "";
        }
        return new TreeMap<>(Map.copyOf(failed)) + ", " + unexpectedAnswers.get() + " unexpected answers; first: "
                + firstUnexpected.get();
    }
}
