package com.tictactoe.application;

import com.tictactoe.domain.TimeLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How long players may take to move, and how often a server looks for games that ran out of time:
 * ISO-8601 durations ({@code PT24H}, {@code P7D}) in {@code tictactoe.games.claim-after}, {@code
 * tictactoe.games.stalled-after} and {@code tictactoe.games.sweep-every} (or {@code
 * TICTACTOE_GAMES_CLAIM_AFTER} and so on). A value that does not parse stops the deployment.
 */
@ApplicationScoped
public class TimeLimitSettings {

    public static final String CLAIM_AFTER = "tictactoe.games.claim-after";
    public static final String STALLED_AFTER = "tictactoe.games.stalled-after";
    public static final String SWEEP_EVERY = "tictactoe.games.sweep-every";

    static final Duration DEFAULT_SWEEP_EVERY = Duration.ofMinutes(5);

    private final TimeLimits limits;
    private final Duration sweepEvery;

    public TimeLimitSettings() {
        this(name -> Configuration.value(name).orElse(null));
    }

    TimeLimitSettings(UnaryOperator<String> source) {
        limits = new TimeLimits(
                duration(source, CLAIM_AFTER, TimeLimits.DEFAULT.claimAfter()),
                duration(source, STALLED_AFTER, TimeLimits.DEFAULT.stalledAfter()));
        sweepEvery = duration(source, SWEEP_EVERY, DEFAULT_SWEEP_EVERY);
    }

    private static Duration duration(UnaryOperator<String> source, String name, Duration otherwise) {
        return Configuration.duration(name, Optional.ofNullable(source.apply(name)))
                .orElse(otherwise);
    }

    @Produces
    @Dependent
    public TimeLimits limits() {
        return limits;
    }

    public Duration sweepEvery() {
        return sweepEvery;
    }
}
