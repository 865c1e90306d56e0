package com.tictactoe.web.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who has which game open, so that watchers get its updates too. A page registers when it opens;
 * entries go stale after a while (pages do not say goodbye), and there is a bound on the total:
 * beyond {@link #MAX_GAMES} games the ones least recently and least often watched are dropped,
 * one at a time, never everyone.
 */
@ApplicationScoped
public class GameWatchers {

    static final Duration STALE_AFTER = Duration.ofHours(6);
    static final int MAX_GAMES = 20_000;

    /**
     * Per game, when each of its watchers last opened it (System.nanoTime). A game is dropped
     * {@link #STALE_AFTER} after its last watcher registered, when all of them are stale. Eviction
     * runs on the registering thread ({@code Runnable::run}), not on the JVM's common pool, which
     * belongs to no application in a server: the bound holds once {@link #watching} returns.
     */
    private final Cache<String, Map<String, Long>> watchers = Caffeine.newBuilder()
            .maximumSize(MAX_GAMES)
            .expireAfterWrite(STALE_AFTER)
            .executor(Runnable::run)
            .build();

    public void watching(String gameId, String userId) {
        long now = System.nanoTime();
        watchers.asMap().compute(gameId, (id, users) -> {
            Map<String, Long> current = users == null ? new ConcurrentHashMap<>() : users;
            current.values().removeIf(seen -> stale(seen, now));
            current.put(userId, now);
            return current; // a write: the game is kept for STALE_AFTER from now
        });
    }

    public Set<String> of(String gameId) {
        Map<String, Long> users = watchers.getIfPresent(gameId);
        if (users == null) {
            return Set.of();
        }
        long now = System.nanoTime();
        return users.entrySet().stream()
                .filter(entry -> !stale(entry.getValue(), now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static boolean stale(long seenNanos, long now) {
        return now - seenNanos >= STALE_AFTER.toNanos();
    }

    /** How many games have watchers, once pending evictions are done. */
    long games() {
        watchers.cleanUp();
        return watchers.estimatedSize();
    }
}
