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
 * attempt has to wait, twice as long after every failure, up to a ceiling. A success clears it.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

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
        if (known == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), known.notBefore());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String username) {
        failures.compute(key(username), (key, known) -> {
            int count = known == null ? 1 : known.count() + 1;
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

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
