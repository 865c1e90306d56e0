package com.tictactoe.application;

import jakarta.ejb.ApplicationException;

/**
 * A sign-up that cannot be done. What the person reads is the web's text of {@link #key()} with
 * {@link #arguments()}. Nothing was stored.
 */
@ApplicationException
public class SignUpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Object[] arguments;

    public SignUpException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
