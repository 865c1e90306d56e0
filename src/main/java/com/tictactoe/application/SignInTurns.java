package com.tictactoe.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sign-ins at one account from one client take turns on this server, so that the attempt limits
 * see each one's outcome before counting the next: sent all at once (a double click, several tabs),
 * right passwords would otherwise fill the failure counter while in flight and be refused. Wrong
 * ones still can't race past the limit, which counts them before hashing. A fixed set of locks,
 * picked by the pair's hash, holds nothing per client; two pairs that share a lock only wait a
 * hash's time for each other.
 */
final class SignInTurns {

    private static final int LOCKS = 256;
    private final Semaphore[] locks = new Semaphore[LOCKS];
    private final Duration longestWait;

    SignInTurns(Duration longestWait) {
        this.longestWait = longestWait;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Semaphore(1, true);
        }
    }

    /** The pair's turn, once the attempts before it are done; null if they take too long. */
    Turn take(String pair) {
        Semaphore lock = locks[Math.floorMod(pair.hashCode(), LOCKS)];
        try {
            if (!lock.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        return new Turn(lock);
    }

    /** Held while an attempt is counted and its password checked; ended once, by {@link #end()}. */
    static final class Turn {

        private Semaphore lock;

        private Turn(Semaphore lock) {
            this.lock = lock;
        }

        synchronized void end() {
            if (lock != null) {
                lock.release();
                lock = null;
            }
        }
    }
}
