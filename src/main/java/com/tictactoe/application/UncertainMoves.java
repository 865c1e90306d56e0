package com.tictactoe.application;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Moves whose write failed with DynamoDB unreachable or over capacity: the player was told to try
 * again, yet the write may have been applied all the same (its answer lost, or a retry by the SDK
 * that landed after the timeout). The game is read again a little later, and again while DynamoDB
 * stays out of reach; if the move is there, it is announced as any move is, so that both boards
 * show it within seconds instead of at their next safety poll.
 */
@ApplicationScoped
public class UncertainMoves {

    private static final Logger LOG = Logger.getLogger(UncertainMoves.class.getName());

    /** When to read the game again after the failed write: soon, then while DynamoDB recovers. */
    static final List<Duration> READS = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30));

    @Inject
    private GameRepository games;

    @Inject
    private KnownGames known;

    /** The container's; a thread of our own where there is none (the application's tests). */
    @Resource
    private ManagedScheduledExecutorService scheduler;

    private ScheduledExecutorService ownScheduler;

    /**
     * Reads the game again until it is known whether the move was stored after all; if it was,
     * {@code landed} is given the game as stored.
     */
    public void recheck(Game before, Consumer<Game> landed) {
        schedule(before, landed, 0);
    }

    private void schedule(Game before, Consumer<Game> landed, int attempt) {
        if (attempt >= READS.size()) {
            LOG.warning(() -> "Gave up learning whether a move of game " + before.gameId() + " was stored");
            return;
        }
        scheduler()
                .schedule(
                        () -> check(before, landed, attempt), READS.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(Game before, Consumer<Game> landed, int attempt) {
        Optional<Game> stored;
        try {
            stored = games.find(before.gameId());
        } catch (RuntimeException stillUnreachable) {
            schedule(before, landed, attempt + 1);
            return;
        }
        Optional<Game> announced = known.latest(before.gameId());
        stored.filter(game -> game.progress() > before.progress())
                .filter(game ->
                        announced.map(seen -> seen.progress() < game.progress()).orElse(true))
                .ifPresent(game -> {
                    LOG.info(() -> "A move of game " + game.gameId() + " answered as failed was stored after all");
                    landed.accept(game);
                });
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler != null) {
            return scheduler;
        }
        if (ownScheduler == null) {
            ownScheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "uncertain-moves");
                thread.setDaemon(true);
                return thread;
            });
        }
        return ownScheduler;
    }

    @PreDestroy
    synchronized void stop() {
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }
}
