package com.tictactoe.application;

import com.tictactoe.domain.Game;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest state this server has seen of recently used games. Moves start from it instead of
 * reading the item first, and open game pages are answered from it, so DynamoDB reads do not grow
 * with the number of pages watching a game. It can be behind (another server, another app may
 * write); every write is conditional on the exact state it started from, so a stale entry can only
 * cause a refused write, never a wrong one.
 */
@ApplicationScoped
public class KnownGames {

    static final int CAPACITY = 10_000;

    private record Entry(Game game, long seenAtNanos) {
    }

    private final Map<String, Entry> games = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The game if it was seen within {@code maxAgeNanos}. */
    public synchronized Optional<Game> get(String gameId, long maxAgeNanos) {
        Entry entry = games.get(gameId);
        if (entry == null || System.nanoTime() - entry.seenAtNanos() > maxAgeNanos) {
            return Optional.empty();
        }
        return Optional.of(entry.game());
    }

    /** Remembers {@code game} unless a later state of it is already known. */
    public synchronized void remember(Game game) {
        Entry known = games.get(game.gameId());
        if (known == null || known.game().progress() <= game.progress()) {
            games.put(game.gameId(), new Entry(game, System.nanoTime()));
        }
    }

    public synchronized void forget(String gameId) {
        games.remove(gameId);
    }
}
