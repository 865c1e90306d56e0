package com.tictactoe.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sweeps for stalled games every {@code tictactoe.games.sweep-every} on every server, on the
 * container's scheduled executor. Not an EJB timer: a non-persistent one is all this needs, and
 * Payara Micro's timer service has a history of failing those.
 */
@ApplicationScoped
public class StalledGamesTimer {

    private static final Logger LOG = Logger.getLogger(StalledGamesTimer.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private TimeLimitSettings settings;

    @Inject
    private StalledGames stalled;

    private ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = settings.sweepEvery().toMillis();
        sweeps = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            stalled.sweep(Instant.now());
        } catch (RuntimeException e) {
            // The store may be away for a while (or its tables not made yet): the next sweep tries again.
            LOG.log(Level.WARNING, "The sweep for stalled games failed; the next one tries again: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
