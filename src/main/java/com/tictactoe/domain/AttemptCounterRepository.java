package com.tictactoe.domain;

import java.time.Instant;

/**
 * Counters of attempts (failed sign-ins, sign-ups) shared by every server. Each change is one
 * atomic call: no counter is read, changed and written back.
 */
public interface AttemptCounterRepository {

    /**
     * Adds one to the counter {@code key}, unless it has already reached {@code limit}. A new
     * counter starts at one and may be forgotten after {@code expiresAt}.
     *
     * @return true if it was added, false if the counter is at its limit (then it is unchanged)
     */
    boolean addUnlessAtLimit(String key, int limit, Instant expiresAt);

    /** Takes one back from the counter {@code key}, if it still exists and is above zero. */
    void takeBack(String key);

    /** Forgets the counter {@code key}. */
    void clear(String key);
}
