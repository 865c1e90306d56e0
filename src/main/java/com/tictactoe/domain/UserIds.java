package com.tictactoe.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of a user id. The stored data model writes "Tie" as the result of a draw, so no user
 * may be called that ("N/A", the finished games' turn, cannot match the shape anyway).
 */
public final class UserIds {

    /** The original's stored result of a draw: a player of that name could not be told from one. */
    private static final String RESERVED = "tie";

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 20;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private UserIds() {}

    public static boolean isValid(String userId) {
        return userId != null && SHAPE.matcher(userId).matches() && !isReserved(userId);
    }

    public static boolean isReserved(String userId) {
        return userId.toLowerCase(Locale.ROOT).equals(RESERVED);
    }
}
