package com.tictactoe.domain;

/** A request that the rules refuse. Nothing has been changed when it is thrown. */
public class GameRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rejection rejection;

    public GameRuleException(Rejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    /** The same refusal, told with the particulars of this request. */
    public GameRuleException(Rejection rejection, String message) {
        super(message);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
