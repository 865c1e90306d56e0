package com.tictactoe.application;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
        return parsed(property, configured, Integer::parseInt, count -> count > 0, "a whole number above zero");
    }

    /** A setting that is {@code true} or {@code false}; empty when unset or blank. Anything else stops the start. */
    public static Optional<Boolean> flag(String property, Optional<String> configured) {
        return parsed(
                property,
                configured.map(text -> text.trim().toLowerCase(Locale.ROOT)),
                text -> text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : null,
                parsed -> parsed != null,
                "true or false");
    }

    /**
     * A setting that is an ISO-8601 duration longer than zero ({@code PT12H}, {@code P7D}); empty
     * when unset or blank. A value that is not one stops the start with the setting's name.
     */
    public static Optional<Duration> duration(String property, Optional<String> configured) {
        return parsed(
                property,
                configured,
                Duration::parse,
                duration -> !duration.isNegative() && !duration.isZero(),
                "an ISO-8601 duration longer than zero, such as PT12H or P7D");
    }

    /** {@code configured}, trimmed, as {@code parse} reads it; refused, naming the setting, unless {@code valid}. */
    private static <T> Optional<T> parsed(
            String property, Optional<String> configured, Function<String, T> parse, Predicate<T> valid, String what) {
        Optional<String> value = configured.map(String::trim).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        T parsed;
        try {
            parsed = parse.apply(value.get());
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException(property + " must be " + what + ": " + value.get(), unreadable);
        }
        if (!valid.test(parsed)) {
            throw new IllegalArgumentException(property + " must be " + what + ": " + value.get());
        }
        return Optional.of(parsed);
    }
}
