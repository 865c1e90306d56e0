package com.tictactoe.web.guards;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Turns at the server's costly work: at most {@code atOnce} requests at a time, the others waiting.
 * A turn that ends goes to the waiting request of the first {@link Kind} that has one: a move before
 * any page, a player's page before any visitor's. Among requests of one kind, turns go in the order
 * they were asked for, and no request that comes later overtakes one of its kind or a kind before it
 * that waits.
 */
final class Turns {

    /** Who asks for a turn. */
    enum Kind {
        /** A move: a player waits for its answer, and the opponent for its push. */
        MOVE,
        /** A signed-in player's page: a full page, a form sent or a re-render. */
        PAGE,
        /**
         * A page or call of a client without a player's session: the sign-in and sign-up pages, and
         * whatever an anonymous client sends. After the players' work, so that such a client, however
         * many requests it sends, takes only the turns the players leave.
         */
        VISITOR
    }

    enum Admission {
        /** A turn was free. */
        AT_ONCE,
        /** A turn came after a wait. */
        AFTER_WAITING,
        /** No turn came within the longest wait. */
        TIMED_OUT,
        /** Not waited for: as many visitors as may wait wait already. */
        TOO_MANY_WAITING;

        boolean hasTurn() {
            return this == AT_ONCE || this == AFTER_WAITING;
        }
    }

    /** A request waiting on its thread; handed a turn by {@link #end}. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean granted;
    }

    private final int atOnce;
    private final int visitorsWaitingAtMost;
    /** The waiting requests of each kind, in the order of {@link Kind}. */
    private final List<ArrayDeque<Waiter>> waiting =
            Stream.of(Kind.values()).map(kind -> new ArrayDeque<Waiter>()).toList();

    private int taken;

    /**
     * {@code atOnce} requests at a time; at most {@code visitorsWaitingAtMost} visitors' requests
     * wait for a turn (each holds a request thread meanwhile), players' requests without a limit.
     */
    Turns(int atOnce, int visitorsWaitingAtMost) {
        if (atOnce < 1 || visitorsWaitingAtMost < 0) {
            throw new IllegalArgumentException("at least one request at once, and no fewer than no visitors waiting");
        }
        this.atOnce = atOnce;
        this.visitorsWaitingAtMost = visitorsWaitingAtMost;
    }

    /**
     * Waits for a turn, at most {@code longest}; whoever {@link Admission#hasTurn has one} must
     * {@link #end} it.
     */
    Admission take(Kind kind, Duration longest) throws InterruptedException {
        Waiter waiter = new Waiter();
        synchronized (this) {
            if (taken < atOnce && nobodyWaitsBefore(kind)) {
                taken++;
                return Admission.AT_ONCE;
            }
            ArrayDeque<Waiter> queue = waiting.get(kind.ordinal());
            if (kind == Kind.VISITOR && queue.size() >= visitorsWaitingAtMost) {
                return Admission.TOO_MANY_WAITING;
            }
            queue.add(waiter);
        }
        long deadline = System.nanoTime() + longest.toNanos();
        while (!waiter.granted) {
            long left = deadline - System.nanoTime();
            boolean interrupted = Thread.interrupted();
            if (left <= 0 || interrupted) {
                synchronized (this) {
                    if (!waiter.granted) {
                        waiting.get(kind.ordinal()).remove(waiter);
                        if (interrupted) {
                            throw new InterruptedException("interrupted while waiting for a turn");
                        }
                        return Admission.TIMED_OUT;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt(); // the turn came first: keep it, and the interrupt
                }
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        return Admission.AFTER_WAITING;
    }

    /** Whether no request of {@code kind} or a kind before it waits. */
    private boolean nobodyWaitsBefore(Kind kind) {
        for (int k = 0; k <= kind.ordinal(); k++) {
            if (!waiting.get(k).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A turn ends: the longest waiting request of the first kind that has one gets it, else it is free. */
    void end() {
        Waiter next = null;
        synchronized (this) {
            for (int k = 0; next == null && k < waiting.size(); k++) {
                next = waiting.get(k).poll();
            }
            if (next == null) {
                if (taken == 0) {
                    throw new IllegalStateException("no turn was taken");
                }
                taken--;
                return;
            }
            next.granted = true;
        }
        LockSupport.unpark(next.thread);
    }

    synchronized int free() {
        return atOnce - taken;
    }

    synchronized int waiting() {
        return waiting.stream().mapToInt(ArrayDeque::size).sum();
    }
}
