package com.tictactoe.web.api;

/**
 * One address of the JSON API, declared by the room it belongs to as a CDI bean, found by
 * {@link ApiServlet}.
 */
public interface ApiEndpoint {

    /** The value standing for one segment of any value in {@link #path()}. */
    String ANY = "*";

    /** The HTTP method it answers. */
    String method();

    /** The path below {@code /api/}, its segments separated by {@code /}, {@link #ANY} for a variable one. */
    String path();

    /**
     * The answer to a call. Throws {@link ApiRefusal} for a refusal that is not the endpoint's own
     * (not signed in, not the player's page); failures of the game store are answered by the servlet.
     */
    ApiAnswer answer(ApiCall call);
}
