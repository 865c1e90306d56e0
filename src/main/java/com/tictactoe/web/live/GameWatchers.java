package com.tictactoe.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who has which game open, so that watchers get its updates too. A page registers when it opens;
 * entries go stale after a while (pages do not say goodbye), and there is a bound on the total.
 */
@ApplicationScoped
public class GameWatchers {

    static final Duration STALE_AFTER = Duration.ofHours(6);
    static final int MAX_GAMES = 20_000;

    private final Map<String, Map<String, Instant>> watchers = new ConcurrentHashMap<>();

    public void watching(String gameId, String userId) {
        if (watchers.size() >= MAX_GAMES) {
            prune();
        }
        watchers.computeIfAbsent(gameId, id -> new ConcurrentHashMap<>()).put(userId, Instant.now());
    }

    public Set<String> of(String gameId) {
        Map<String, Instant> users = watchers.get(gameId);
        if (users == null) {
            return Set.of();
        }
        Instant freshSince = Instant.now().minus(STALE_AFTER);
        return users.entrySet().stream()
                .filter(entry -> entry.getValue().isAfter(freshSince))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void prune() {
        Instant freshSince = Instant.now().minus(STALE_AFTER);
        watchers.values().forEach(users -> users.values().removeIf(seen -> seen.isBefore(freshSince)));
        watchers.values().removeIf(Map::isEmpty);
        if (watchers.size() >= MAX_GAMES) {
            watchers.clear();
        }
    }
}
