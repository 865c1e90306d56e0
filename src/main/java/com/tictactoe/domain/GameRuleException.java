package com.tictactoe.domain;

import java.util.Arrays;

/** A request that the rules refuse. Nothing has been changed when it is thrown. */
public class GameRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rejection rejection;
    private final Object[] arguments;

    public GameRuleException(Rejection rejection) {
        this(rejection, rejection.arguments());
    }

    /** The same refusal, told with the particulars of this request (e.g. the name as typed). */
    public GameRuleException(Rejection rejection, Object... arguments) {
        super(rejection + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.rejection = rejection;
        this.arguments = arguments.clone();
    }

    public Rejection rejection() {
        return rejection;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
