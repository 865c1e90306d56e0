package com.tictactoe.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings from system properties or environment variables (property {@code tictactoe.x-y} or
 * variable {@code TICTACTOE_X_Y}), read without MicroProfile Config so that the WAR deploys on
 * any Jakarta EE 10 server.
 */
public final class Configuration {

    private Configuration() {}

    /** A comma-separated list; empty when unset. */
    public static Set<String> list(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
