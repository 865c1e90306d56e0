package com.tictactoe.domain;

import java.util.Comparator;

/**
 * The leaderboard's rule: most wins first; of equal wins, fewer losses first; then by name. Draws do
 * not rank. The store keeps the rule as one number per player, {@link #score}, that every finished
 * game changes by {@link #change} in the same write as the counters, so the order is always exact.
 */
public final class Ranking {

    /** One win outweighs any number of losses a player can have (fewer than a million). */
    static final long WIN_WEIGHT = 1_000_000;

    public static final Comparator<Standing> ORDER = Comparator.comparingLong(
                    (Standing standing) -> score(standing.record()))
            .reversed()
            .thenComparing(Standing::player);

    private Ranking() {}

    public static long score(WinLossDraw record) {
        return record.wins() * WIN_WEIGHT - record.losses();
    }

    /** What one more game of {@code outcome} adds to the score. */
    public static long change(Outcome outcome) {
        return switch (outcome) {
            case WIN -> WIN_WEIGHT;
            case LOSS -> -1;
            case DRAW -> 0;
        };
    }
}
