package com.tictactoe.domain;

/**
 * The game store is reachable but refused the request as over its capacity, still after a few
 * retries with backoff; nothing was changed. The player may simply try again in a moment. A kind
 * of {@link StoreUnavailableException}, so code that handles that one handles this one too.
 */
public class StoreBusyException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    /** What to tell the player. */
    public static final String PLAYER_MESSAGE = "The game server is busy right now. Please try again in a moment.";

    public StoreBusyException(Throwable cause) {
        super(PLAYER_MESSAGE, cause);
    }
}
