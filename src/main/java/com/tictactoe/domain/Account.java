package com.tictactoe.domain;

import java.util.Locale;

/**
 * A player's account. The username is kept as typed at sign-up; {@link #key} makes names unique
 * ignoring case.
 */
public record Account(String username, String passwordHash) {

    public String key() {
        return keyOf(username);
    }

    public static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
