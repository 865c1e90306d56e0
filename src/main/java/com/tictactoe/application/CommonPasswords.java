package com.tictactoe.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passwords that attackers try first: the most common ones of at least eight characters, from
 * {@value #LIST}, one a line. Compared ignoring case and spaces at either end.
 */
public final class CommonPasswords {

    static final String LIST = "common-passwords.txt";

    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {}

    public static boolean contains(String password) {
        return PASSWORDS.contains(normalized(password));
    }

    static int size() {
        return PASSWORDS.size();
    }

    private static String normalized(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(CommonPasswords::normalized)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
