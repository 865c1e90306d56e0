package com.tictactoe.domain;

/**
 * The game store is reachable but refused the request as over its capacity, still after a few
 * retries with backoff; nothing was changed. The player may simply try again in a moment. A kind
 * of {@link StoreUnavailableException}, so code that handles that one handles this one too.
 */
public class StoreBusyException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public StoreBusyException(Throwable cause) {
        super("DynamoDB refused the request as over its capacity, still after retries", cause);
    }
}
