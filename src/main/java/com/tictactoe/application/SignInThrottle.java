package com.tictactoe.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on one account: after a few failed sign-ins in a row, each further
 * attempt has to wait, twice as long after every failure, up to a ceiling. A success clears it,
 * and so does a quiet quarter of an hour. Memory is bounded: a flood of made-up names cannot
 * grow it without limit.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_ACCOUNTS = 100_000;

    private record Failures(int count, Instant notBefore) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the account must wait before the next attempt; zero if it may try now. */
    public Duration waitFor(String username) {
        Failures known = failures.get(key(username));
        if (known == null || isForgotten(known)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), known.notBefore());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String username) {
        if (failures.size() >= MAX_ACCOUNTS) {
            failures.values().removeIf(this::isForgotten);
            if (failures.size() >= MAX_ACCOUNTS) {
                failures.clear();
            }
        }
        failures.compute(key(username), (key, known) -> {
            int count = known == null || isForgotten(known) ? 1 : known.count() + 1;
            Duration wait = Duration.ZERO;
            if (count > FREE_FAILURES) {
                int doublings = Math.min(count - FREE_FAILURES - 1, 20);
                wait = FIRST_WAIT.multipliedBy(1L << doublings);
                if (wait.compareTo(LONGEST_WAIT) > 0) {
                    wait = LONGEST_WAIT;
                }
            }
            return new Failures(count, clock.instant().plus(wait));
        });
    }

    private boolean isForgotten(Failures known) {
        return known.notBefore().plus(FORGET_AFTER).isBefore(clock.instant());
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
