package com.tictactoe.domain;

import java.util.Optional;

/**
 * A conditional write found the game in another state than the one it was based on, and wrote
 * nothing. Carries the game as the store holds it now (empty if it does not exist), so that the
 * rules can tell the player why.
 */
public class WriteConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Game current;
    private final boolean afterRetry;

    /**
     * @param afterRetry whether the store was asked more than once (after a timeout, say): then
     *                   the state found may be the one an earlier attempt of this very write stored
     */
    public WriteConflictException(Game current, boolean afterRetry) {
        super("The game is not in the expected state");
        this.current = current;
        this.afterRetry = afterRetry;
    }

    public boolean afterRetry() {
        return afterRetry;
    }

    public Optional<Game> current() {
        return Optional.ofNullable(current);
    }
}
