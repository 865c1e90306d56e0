package com.tictactoe.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a player may take to move: after {@code claimAfter} the opponent may claim the win,
 * after {@code stalledAfter} the game ends as a loss for the player to move even if nobody claims.
 */
public record TimeLimits(Duration claimAfter, Duration stalledAfter) {

    public static final TimeLimits DEFAULT = new TimeLimits(Duration.ofHours(24), Duration.ofDays(7));

    public TimeLimits {
        Objects.requireNonNull(claimAfter, "claimAfter");
        Objects.requireNonNull(stalledAfter, "stalledAfter");
        if (claimAfter.isNegative() || claimAfter.isZero() || stalledAfter.compareTo(claimAfter) < 0) {
            throw new IllegalArgumentException("Need 0 < claimAfter <= stalledAfter, not " + this);
        }
    }
}
