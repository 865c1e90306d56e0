package com.tictactoe.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Lobby;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Players' lobbies as this server last knew them, kept up to date from the changes it hears of
 * instead of six index queries per page view. A lobby is read from DynamoDB when it is not known,
 * when a change made it unknowable (a game left a full list), and at the latest after
 * {@link #MAX_AGE_NANOS}, which bounds how long a change that this server never heard of can go
 * unseen. Past that age the lobby is still shown at once and read again in the background: the
 * read took 6 queries and a batch read in a row, which made the slowest 1% of lobby pages under
 * load (p99 270-380 ms) while it showed nothing the server did not know already.
 *
 * <p>The indexes are updated a moment after the table, so lists just read may miss a change this
 * server already heard of: every change is laid over freshly read lists for {@link #INDEX_LAG_NANOS}.
 * Laying a change over lists that already show it changes nothing.
 */
@ApplicationScoped
public class KnownLobbies {

    static final int CAPACITY = 5_000;
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final long INDEX_LAG_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** The latest state heard of one game: {@code progress} orders states of the same game. */
    private record Change(GameSummary game, boolean gone, int progress, long heardAtNanos) {}

    /** What is known of one player's lists. */
    private static final class Known {
        private Lobby lobby;
        private long loadedAtNanos;
        private boolean refreshing;
        private final Map<String, Change> recent = new HashMap<>();
    }

    /**
     * At most {@link #CAPACITY} players (Caffeine: the least recently and least often shown go
     * first). Each player's {@link Known} is guarded by its own monitor, so lobbies of different
     * players are shown and changed without waiting for each other. Eviction runs on the calling
     * thread ({@code Runnable::run}), not on the JVM's common pool, which belongs to no application
     * in a server. Lobbies are read again by the code below, not by Caffeine's refreshAfterWrite:
     * every change heard is a write of the entry, which would restart its age and let a lobby that
     * keeps changing go unread forever, past {@link #MAX_AGE_NANOS}.
     */
    private final Cache<String, Known> players =
            Caffeine.newBuilder().maximumSize(CAPACITY).executor(Runnable::run).build();

    private static final Logger LOG = Logger.getLogger(KnownLobbies.class.getName());

    private final LongSupplier clock;

    /**
     * Where old lobbies are read again; none outside a container: then they are read at once. The
     * container's executor: a read is a few per second at most, so capturing the context per task
     * costs nothing worth a pool of our own.
     */
    @Resource
    private ManagedExecutorService background;

    private final Executor refresher;

    public KnownLobbies() {
        this(System::nanoTime, null);
    }

    KnownLobbies(LongSupplier nanoClock) {
        this(nanoClock, null);
    }

    KnownLobbies(LongSupplier nanoClock, Executor refresher) {
        this.clock = nanoClock;
        this.refresher = refresher;
    }

    private Executor refresher() {
        return refresher != null ? refresher : background;
    }

    /**
     * The player's lobby as known here, else as {@code loader} reads it now. A lobby known for
     * longer than {@link #MAX_AGE_NANOS} is shown as known while {@code loader} reads it again
     * in the background, once at a time per player.
     */
    public Lobby of(String player, Function<String, Lobby> loader) {
        Executor refresh = refresher();
        Lobby stale;
        Known known = players.getIfPresent(player);
        if (known == null) {
            return read(player, loader);
        }
        synchronized (known) {
            if (known.lobby == null) {
                stale = null;
            } else if (clock.getAsLong() - known.loadedAtNanos <= MAX_AGE_NANOS) {
                return known.lobby;
            } else if (refresh == null) {
                stale = null;
            } else {
                stale = known.lobby;
                if (known.refreshing) {
                    return stale;
                }
                known.refreshing = true;
            }
        }
        if (stale == null) {
            return read(player, loader);
        }
        try {
            refresh.execute(() -> refresh(player, loader));
        } catch (RejectedExecutionException e) {
            refreshed(player);
            return read(player, loader);
        }
        return stale;
    }

    private void refresh(String player, Function<String, Lobby> loader) {
        try {
            read(player, loader);
        } catch (RuntimeException e) {
            // The lobby known stays, still kept current by the changes heard; the next view tries again.
            LOG.log(Level.FINE, "Could not read the lobby of " + player + " again", e);
        } finally {
            refreshed(player);
        }
    }

    private void refreshed(String player) {
        Known known = players.getIfPresent(player);
        if (known != null) {
            synchronized (known) {
                known.refreshing = false;
            }
        }
    }

    private Known known(String player) {
        return players.get(player, name -> new Known());
    }

    private Lobby read(String player, Function<String, Lobby> loader) {
        Lobby read = loader.apply(player);
        Known known = known(player);
        synchronized (known) {
            Optional<Lobby> current = withRecentChanges(player, read, known);
            known.lobby = current.orElse(null);
            known.loadedAtNanos = clock.getAsLong();
            return current.orElse(read);
        }
    }

    void heard(@Observes GameChanged change) {
        changed(change.game().summary(), change.deleted(), change.game().progress());
    }

    /** Notes a change of the game, as written by this server or heard of from another. */
    public void changed(GameSummary game, boolean gone, int progress) {
        long now = clock.getAsLong();
        Change change = new Change(game, gone, gone ? Integer.MAX_VALUE : progress, now);
        for (String player : new String[] {game.hostId(), game.opponentId()}) {
            if (player == null) {
                continue; // an open challenge: only its host has it in a list
            }
            Known known = known(player);
            synchronized (known) {
                forgetOldChanges(known, now);
                Change before = known.recent.get(game.gameId());
                if (before != null && before.progress() > change.progress()) {
                    continue; // a later state was heard first
                }
                known.recent.put(game.gameId(), change);
                if (known.lobby != null) {
                    known.lobby = known.lobby.afterChange(player, game, gone).orElse(null);
                }
            }
        }
    }

    /** The player's lobby is read again when next shown. */
    public void forget(String player) {
        Known known = players.getIfPresent(player);
        if (known != null) {
            synchronized (known) {
                known.lobby = null;
            }
        }
    }

    /** How many players are known, once pending evictions are done. */
    long size() {
        players.cleanUp();
        return players.estimatedSize();
    }

    private Optional<Lobby> withRecentChanges(String player, Lobby read, Known known) {
        forgetOldChanges(known, clock.getAsLong());
        Optional<Lobby> lobby = Optional.of(read);
        for (Change change : known.recent.values()) {
            lobby = lobby.flatMap(current -> current.afterChange(player, change.game(), change.gone()));
        }
        return lobby;
    }

    private void forgetOldChanges(Known known, long now) {
        for (Iterator<Change> changes = known.recent.values().iterator(); changes.hasNext(); ) {
            if (now - changes.next().heardAtNanos() > INDEX_LAG_NANOS) {
                changes.remove();
            }
        }
    }
}
