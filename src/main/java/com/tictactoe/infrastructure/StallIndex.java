package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.GamesTable.STALL_SHARDS;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.TimeLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The keys of the sparse index the sweep reads stalled games from ({@link GamesTable#STALL_INDEX}).
 * A game's place in it is its stall time rounded up to a span: moves made within one span leave the
 * key as it was, and an update that does not change an index key writes nothing to the index, so
 * most moves of a quick game cost the index nothing. A game then ends up to one span late; the sweep
 * still decides on the exact time kept in {@link GamesTable#TURN_SINCE}.
 */
final class StallIndex {

    private static final Duration LONGEST_SPAN = Duration.ofHours(1);
    private static final Duration SHORTEST_SPAN = Duration.ofSeconds(1);

    private final TimeLimits limits;
    private final long spanSeconds;

    StallIndex(TimeLimits limits) {
        this.limits = limits;
        Duration span = limits.stalledAfter().dividedBy(24);
        if (span.compareTo(LONGEST_SPAN) > 0) {
            span = LONGEST_SPAN;
        }
        if (span.compareTo(SHORTEST_SPAN) < 0) {
            span = SHORTEST_SPAN;
        }
        this.spanSeconds = span.toSeconds();
    }

    static String shard(String gameId) {
        return Integer.toString(Math.floorMod(gameId.hashCode(), STALL_SHARDS));
    }

    /** The index key of a game being played; empty when it has no known turn time. */
    Optional<String> stalledFrom(Game game) {
        return game.stalledFrom(limits).map(this::roundedUp);
    }

    /** The index key of a game whose player to move got the turn at {@code turnSince}. */
    String stalledFrom(Instant turnSince) {
        return roundedUp(turnSince.plus(limits.stalledAfter()));
    }

    private String roundedUp(Instant from) {
        long seconds = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        long spans = seconds / spanSeconds + (seconds % spanSeconds > 0 ? 1 : 0);
        return Instant.ofEpochSecond(spans * spanSeconds).toString();
    }

    /** The key that all games stalled by {@code now} are at or before. */
    static String upTo(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
