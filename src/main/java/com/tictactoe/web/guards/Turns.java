package com.tictactoe.web.guards;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns at the server's costly work: at most {@code atOnce} requests at a time, the others waiting.
 * A move waiting is given the next turn that ends, before any page that waits; among moves, and
 * among pages, turns go in the order they were asked for, and no request that comes later
 * overtakes one that waits.
 */
final class Turns {

    /** Who asks for a turn. */
    enum Kind {
        /** A move: a player waits for its answer, and the opponent for its push. */
        MOVE,
        /** A page: a full page, a form sent or a re-render. */
        PAGE
    }

    enum Admission {
        /** A turn was free. */
        AT_ONCE,
        /** A turn came after a wait. */
        AFTER_WAITING,
        /** No turn came within the longest wait. */
        TIMED_OUT;

        boolean hasTurn() {
            return this != TIMED_OUT;
        }
    }

    /** A request waiting on its thread; handed a turn by {@link #end}. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean granted;
    }

    private final int atOnce;
    private final ArrayDeque<Waiter> moves = new ArrayDeque<>();
    private final ArrayDeque<Waiter> pages = new ArrayDeque<>();
    private int taken;

    Turns(int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one request at once");
        }
        this.atOnce = atOnce;
    }

    /**
     * Waits for a turn, at most {@code longest}; whoever {@link Admission#hasTurn has one} must
     * {@link #end} it.
     */
    Admission take(Kind kind, Duration longest) throws InterruptedException {
        Waiter waiter = new Waiter();
        synchronized (this) {
            boolean nobodyAhead = moves.isEmpty() && (kind == Kind.MOVE || pages.isEmpty());
            if (taken < atOnce && nobodyAhead) {
                taken++;
                return Admission.AT_ONCE;
            }
            (kind == Kind.MOVE ? moves : pages).add(waiter);
        }
        long deadline = System.nanoTime() + longest.toNanos();
        while (!waiter.granted) {
            long left = deadline - System.nanoTime();
            boolean interrupted = Thread.interrupted();
            if (left <= 0 || interrupted) {
                synchronized (this) {
                    if (!waiter.granted) {
                        (kind == Kind.MOVE ? moves : pages).remove(waiter);
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

    /** A turn ends: the longest waiting move has it, else the longest waiting page, else it is free. */
    void end() {
        Waiter next;
        synchronized (this) {
            next = moves.poll();
            if (next == null) {
                next = pages.poll();
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
        return moves.size() + pages.size();
    }
}
