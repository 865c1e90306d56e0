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

    public WriteConflictException(Game current) {
        super("The game is not in the expected state");
        this.current = current;
    }

    public Optional<Game> current() {
        return Optional.ofNullable(current);
    }
}
