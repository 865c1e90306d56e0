package com.tictactoe.web.errors;

/** Whether a failure was caused, at any depth, by a given kind: the container and EJBs wrap what they throw. */
public final class Causes {

    private Causes() {}

    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
