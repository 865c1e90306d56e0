package com.tictactoe.application;

import jakarta.ejb.ApplicationException;

/** A sign-up that cannot be done, with the message the person sees. Nothing was stored. */
@ApplicationException
public class SignUpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignUpException(String message) {
        super(message);
    }
}
