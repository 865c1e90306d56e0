package com.tictactoe.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tictactoe.domain.Game;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * The latest state this server has seen of recently used games, and which ids name no game.
 * Moves start from it instead of reading the item first, and open game pages are answered from
 * it, so DynamoDB reads do not grow with the number of pages watching a game. It can be behind
 * (another server, another app may write); every write is conditional on the exact state it
 * started from, so a stale entry can only cause a refused write, never a wrong one.
 *
 * <p>At most {@link #CAPACITY} games are kept (Caffeine: the ones least likely to be used again
 * go first, by how recently and how often they were used).
 */
@ApplicationScoped
public class KnownGames {

    static final int CAPACITY = 10_000;

    /** @param game the game, or null for an id known to name no game */
    private record Entry(Game game, long seenAtNanos) {}

    /**
     * No expiry: {@link #latest} answers however old the entry. Eviction runs on the thread that
     * wrote ({@code Runnable::run}) rather than on the JVM's common pool, which belongs to no
     * application in a server and has a single thread on two cores: the bound holds as soon as
     * the write returns, and the work of it is a few pointer swaps.
     */
    private final Cache<String, Entry> games =
            Caffeine.newBuilder().maximumSize(CAPACITY).executor(Runnable::run).build();

    /** The latest known state of the game, however old. */
    public Optional<Game> latest(String gameId) {
        Entry entry = games.getIfPresent(gameId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.game());
    }

    /**
     * The game as seen within {@code maxAgeNanos}, else as {@code loader} finds it now. Callers
     * asking for the same game at the same time share one load: it runs inside the map's atomic
     * compute of that id, which the others wait for.
     */
    public Optional<Game> recent(String gameId, long maxAgeNanos, Function<String, Optional<Game>> loader) {
        Entry entry = games.getIfPresent(gameId);
        if (entry == null || !fresh(entry, maxAgeNanos)) {
            entry = games.asMap().compute(gameId, (id, known) -> {
                if (known != null && fresh(known, maxAgeNanos)) {
                    return known; // loaded by the caller that went first
                }
                Optional<Game> loaded = loader.apply(id);
                return loaded.isEmpty() ? new Entry(null, System.nanoTime()) : newer(known, loaded.get());
            });
        }
        return Optional.ofNullable(entry.game());
    }

    private static boolean fresh(Entry entry, long maxAgeNanos) {
        return System.nanoTime() - entry.seenAtNanos() <= maxAgeNanos;
    }

    /** Remembers {@code game} unless a later state of it is already known. */
    public void remember(Game game) {
        games.asMap().compute(game.gameId(), (id, known) -> newer(known, game));
    }

    private static Entry newer(Entry known, Game game) {
        if (known == null || known.game() == null || known.game().progress() <= game.progress()) {
            return new Entry(game, System.nanoTime());
        }
        return known;
    }

    /** Notes that the id names no game (any more). */
    public void forget(String gameId) {
        games.put(gameId, new Entry(null, System.nanoTime()));
    }

    /** How many games are known, once pending evictions are done. */
    long size() {
        games.cleanUp();
        return games.estimatedSize();
    }
}
