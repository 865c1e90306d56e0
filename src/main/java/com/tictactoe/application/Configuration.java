package com.tictactoe.application;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings from system properties or environment variables (property {@code tictactoe.x-y} or
 * variable {@code TICTACTOE_X_Y}), read without MicroProfile Config so that the WAR deploys on
 * any Jakarta EE 10 server.
 */
public final class Configuration {

    private Configuration() {}

    /** The system property if it is set, else the environment variable of the same name. */
    public static Optional<String> value(String property) {
        String value = System.getProperty(property);
        return Optional.ofNullable(value != null ? value : System.getenv(environmentName(property)));
    }

    /** {@code tictactoe.dynamodb.games-table} is {@code TICTACTOE_DYNAMODB_GAMES_TABLE}. */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A comma-separated list; empty when unset. */
    public static Set<String> list(String property) {
        return value(property).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A setting that is a whole number above zero (sockets, requests at once); empty when unset or
     * blank. A value that is not one stops the start with the setting's name.
     */
    public static Optional<Integer> count(String property, Optional<String> configured) {
        Optional<String> value = configured.map(String::trim).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int count = Integer.parseInt(value.get());
            if (count < 1) {
                throw new IllegalArgumentException("not above zero");
            }
            return Optional.of(count);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be a whole number above zero: " + value.get(), e);
        }
    }

    /**
     * A setting that is an ISO-8601 duration longer than zero ({@code PT12H}, {@code P7D}); empty
     * when unset or blank. A value that is not one stops the start with the setting's name.
     */
    public static Optional<Duration> duration(String property, Optional<String> configured) {
        Optional<String> value = configured.map(String::trim).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(value.get());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("not longer than zero");
            }
            return Optional.of(duration);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    property + " must be an ISO-8601 duration longer than zero, such as PT12H or P7D: " + value.get(),
                    e);
        }
    }
}
