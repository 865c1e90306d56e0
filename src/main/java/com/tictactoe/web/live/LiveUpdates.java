package com.tictactoe.web.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tictactoe.application.GameChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells open pages that a game changed: pushes the change over the Faces websocket to both
 * players and to everyone watching, and counts changes per player for pages that cannot hold a
 * websocket and poll instead. Neither costs a DynamoDB call, however many pages are open.
 *
 * <p>A push carries the game as {@link GameUpdate} has it: from its acceptance to its end, its
 * board and what comes next, so that an open game page shows the start, the move or the end
 * without a request of its own (app.js); with a thousand watchers, a move is a thousand pushes
 * instead of a thousand page renders. Any other change (an invitation, a resignation, a time-out,
 * a deletion) makes pages re-render.
 */
@ApplicationScoped
public class LiveUpdates {

    public static final String CHANNEL = "updates";
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    @Inject
    @Push(channel = CHANNEL)
    private PushContext updates;

    @Inject
    private GameWatchers watchers;

    @Inject
    private PushSender sender;

    /** Players tracked at most: bounds the memory, whoever played. */
    static final int MAX_PLAYERS = 50_000;

    static final long QUIET_MILLIS = TimeUnit.HOURS.toMillis(1);

    /**
     * Per player, a version that grows with each change of their games: the time of the last
     * change in milliseconds, raised by one if needed. A time, unlike a count, lets quiet players
     * be forgotten: a page that polls for one afterwards sees a different version and re-renders
     * once, which is all it costs. Players are forgotten an hour after their last change or poll,
     * and beyond {@link #MAX_PLAYERS} the least active first; eviction runs on the thread of the change
     * ({@code Runnable::run}), not on the JVM's common pool, which belongs to no application.
     */
    private final Cache<String, Long> changesPerPlayer = Caffeine.newBuilder()
            .maximumSize(MAX_PLAYERS)
            .expireAfterAccess(Duration.ofMillis(QUIET_MILLIS))
            .executor(Runnable::run)
            .build();

    void gameChanged(@Observes GameChanged change) {
        String gameId = change.game().gameId();
        long now = System.currentTimeMillis();
        Map<String, Counted> players = new LinkedHashMap<>();
        for (String player : change.players()) {
            long[] before = {0};
            long after = changesPerPlayer.asMap().compute(player, (name, was) -> {
                before[0] = was == null ? 0 : was;
                return was == null ? now : Math.max(was + 1, now);
            });
            players.put(player, new Counted(before[0], after));
        }
        Set<String> onlyWatching = new HashSet<>(watchers.of(gameId));
        onlyWatching.removeAll(change.players());
        // Sent on another thread: a game watched by a thousand pages must not slow down the move.
        sender.send(() -> push(change, players, onlyWatching));
    }

    /** A player's {@link #changesOf} before and after one change. */
    private record Counted(long before, long after) {}

    /**
     * The change to each player, with the player's {@link #changesOf} as it stood before it ({@code
     * since}) and after it ({@code changes}): a lobby that was current and shows the change from the
     * push is current again, as far as its polls can tell. And, marked as watched, to its watchers.
     */
    private void push(GameChanged change, Map<String, Counted> players, Set<String> onlyWatching) {
        try {
            for (Map.Entry<String, Counted> player : players.entrySet()) {
                Map<String, Object> message = message(change, false);
                message.put("since", player.getValue().before());
                message.put("changes", player.getValue().after());
                updates.send(message, player.getKey());
            }
            if (!onlyWatching.isEmpty()) {
                // Lobbies ignore these: a game one merely watches is in none of one's lists.
                updates.send(message(change, true), onlyWatching);
            }
        } catch (RuntimeException e) {
            // A page that misses a push still catches up by polling; the move itself is stored.
            LOG.log(
                    Level.WARNING,
                    "Could not push the change of game " + change.game().gameId(),
                    e);
        }
    }

    /**
     * What a page is pushed: the game as {@link GameUpdate} has it, marked {@code watched} for
     * watchers; of a deleted game (declined, cancelled) only its id.
     */
    static Map<String, Object> message(GameChanged change, boolean watched) {
        Map<String, Object> message = change.deleted()
                ? new LinkedHashMap<>(Map.of("game", change.game().gameId()))
                : GameUpdate.of(change.game());
        if (watched) {
            message.put("watched", true);
        }
        return message;
    }

    /** Grows whenever a game of this player changes on this server. */
    public long changesOf(String player) {
        Long changes = changesPerPlayer.getIfPresent(player);
        return changes == null ? 0L : changes;
    }
}
