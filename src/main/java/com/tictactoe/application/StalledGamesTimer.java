package com.tictactoe.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sweeps for stalled games every {@code tictactoe.games.sweep-every} on every server. The timer is
 * not persistent: it needs no database of timers, and a server that is down sweeps nothing while
 * the others go on.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StalledGamesTimer {

    private static final Logger LOG = Logger.getLogger(StalledGamesTimer.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private TimeLimitSettings settings;

    @Inject
    private StalledGames stalled;

    @PostConstruct
    void start() {
        long every = settings.sweepEvery().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("stalled-games", false));
    }

    @Timeout
    void sweep() {
        try {
            stalled.sweep(Instant.now());
        } catch (RuntimeException e) {
            // The store may be away for a while: the next sweep tries again.
            LOG.log(Level.WARNING, "The sweep for stalled games failed; the next one tries again", e);
        }
    }
}
