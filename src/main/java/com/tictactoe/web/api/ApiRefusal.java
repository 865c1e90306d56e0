package com.tictactoe.web.api;

/**
 * A call refused with a status the API words the same way everywhere: 400 a request no page of ours
 * sends, 401 not signed in, 403 not sent by the player's own page, 404 nothing there.
 */
public class ApiRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final int MALFORMED = 400;
    public static final int NOT_SIGNED_IN = 401;
    public static final int NOT_FROM_THE_PAGE = 403;
    public static final int NOT_FOUND = 404;

    private final int status;

    public ApiRefusal(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
