package com.tictactoe.application;

import com.tictactoe.domain.Rejection;

/**
 * What the game counts for its operators. Where the server has MicroProfile Metrics an adapter
 * publishes it; elsewhere {@link UncountedGameMetrics} drops it, and the game plays the same.
 */
public interface GameMetrics {

    /** Does nothing: for use outside a container. */
    GameMetrics NONE = new GameMetrics() {};

    /** How a sign-in with a password ended. */
    enum SignIn {
        SUCCEEDED,
        /** A wrong username or password. */
        REFUSED,
        /** Not checked: a sign-in limit was reached. */
        LIMITED
    }

    default void gameCreated() {}

    default void gameStarted() {}

    default void gameFinished(boolean draw) {}

    default void moveMade() {}

    default void moveRefused(Rejection reason) {}

    default void signIn(SignIn outcome) {}

    /** A page opened its push websocket. */
    default void livePageOpened() {}

    default void livePageClosed() {}

    /** An HTTP session began: only a sign-in or a sign-up starts one. */
    default void sessionCreated() {}

    default void sessionEnded() {}

    /** A costly request ({@code kind} "move" or "page") waited for its turn: all were taken. */
    default void requestWaited(String kind) {}

    /** A costly request was answered "busy" (503): it waited too long for a turn. */
    default void requestRefused(String kind) {}
}
