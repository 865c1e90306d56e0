package com.tictactoe.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Game ids are random UUIDs, as in the original; anything else a client sends names no game. */
public final class GameIds {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private GameIds() {}

    public static String next() {
        return UUID.randomUUID().toString();
    }

    public static boolean isPlausible(String gameId) {
        return gameId != null && SHAPE.matcher(gameId).matches();
    }
}
