package com.tictactoe.domain;

/**
 * A page cursor that the store did not make for this player: cut, altered, or copied from another
 * player's page. Nothing was read with it.
 */
public class BadCursorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadCursorException(String why) {
        super(why);
    }
}
