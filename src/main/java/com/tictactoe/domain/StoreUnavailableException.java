package com.tictactoe.domain;

/** The game store cannot be reached or cannot serve now; nothing was changed. Try again later. */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
