package com.tictactoe.application;

import com.tictactoe.domain.Game;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The latest state this server has seen of recently used games, and which ids name no game.
 * Moves start from it instead of reading the item first, and open game pages are answered from
 * it, so DynamoDB reads do not grow with the number of pages watching a game. It can be behind
 * (another server, another app may write); every write is conditional on the exact state it
 * started from, so a stale entry can only cause a refused write, never a wrong one.
 */
@ApplicationScoped
public class KnownGames {

    static final int CAPACITY = 10_000;
    private static final int LOCK_STRIPES = 64;

    /** @param game the game, or null for an id known to name no game */
    private record Entry(Game game, long seenAtNanos) {}

    private final Map<String, Entry> games = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    private final Object[] loadLocks = new Object[LOCK_STRIPES];

    public KnownGames() {
        for (int i = 0; i < LOCK_STRIPES; i++) {
            loadLocks[i] = new Object();
        }
    }

    /** The latest known state of the game, however old. */
    public synchronized Optional<Game> latest(String gameId) {
        Entry entry = games.get(gameId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.game());
    }

    /**
     * The game as seen within {@code maxAgeNanos}, else as {@code loader} finds it now. Callers
     * asking for the same game at the same time share one load.
     */
    public Optional<Game> recent(String gameId, long maxAgeNanos, Function<String, Optional<Game>> loader) {
        Optional<Entry> fresh = fresh(gameId, maxAgeNanos);
        if (fresh.isPresent()) {
            return Optional.ofNullable(fresh.get().game());
        }
        synchronized (loadLocks[Math.floorMod(gameId.hashCode(), LOCK_STRIPES)]) {
            fresh = fresh(gameId, maxAgeNanos);
            if (fresh.isPresent()) {
                return Optional.ofNullable(fresh.get().game());
            }
            Optional<Game> loaded = loader.apply(gameId);
            loaded.ifPresentOrElse(this::remember, () -> forget(gameId));
            return loaded;
        }
    }

    private synchronized Optional<Entry> fresh(String gameId, long maxAgeNanos) {
        Entry entry = games.get(gameId);
        if (entry == null || System.nanoTime() - entry.seenAtNanos() > maxAgeNanos) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Remembers {@code game} unless a later state of it is already known. */
    public synchronized void remember(Game game) {
        Entry known = games.get(game.gameId());
        if (known == null || known.game() == null || known.game().progress() <= game.progress()) {
            games.put(game.gameId(), new Entry(game, System.nanoTime()));
        }
    }

    /** Notes that the id names no game (any more). */
    public synchronized void forget(String gameId) {
        games.put(gameId, new Entry(null, System.nanoTime()));
    }
}
