package com.tictactoe.web.guards;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns at rendering pages: at most {@code atOnce} pages at a time, the others waiting in the order
 * they came (a fair semaphore: a page that comes later never overtakes one that waits), at most
 * {@code mostWaiting} of them.
 */
final class PageTurns {

    enum Admission {
        /** A turn was free. */
        AT_ONCE,
        /** A turn came after a wait. */
        AFTER_WAITING,
        /** No turn came within the longest wait. */
        TIMED_OUT,
        /** Too many pages waited already: this one did not. */
        LINE_FULL;

        boolean hasTurn() {
            return this == AT_ONCE || this == AFTER_WAITING;
        }
    }

    private final Semaphore turns;
    private final int mostWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    PageTurns(int atOnce, int mostWaiting) {
        if (atOnce < 1 || mostWaiting < 0) {
            throw new IllegalArgumentException("at least one page at once, and no negative line");
        }
        this.turns = new Semaphore(atOnce, true);
        this.mostWaiting = mostWaiting;
    }

    /** Waits for a turn, at most {@code longest}; whoever {@link Admission#hasTurn has one} must {@link #end} it. */
    Admission take(Duration longest) throws InterruptedException {
        // with a timeout, even of zero, a fair semaphore lets no one overtake the pages that wait
        if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            return Admission.AT_ONCE;
        }
        if (waiting.incrementAndGet() > mostWaiting) {
            waiting.decrementAndGet();
            return Admission.LINE_FULL;
        }
        try {
            return turns.tryAcquire(longest.toNanos(), TimeUnit.NANOSECONDS)
                    ? Admission.AFTER_WAITING
                    : Admission.TIMED_OUT;
        } finally {
            waiting.decrementAndGet();
        }
    }

    void end() {
        turns.release();
    }

    int free() {
        return turns.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }
}
