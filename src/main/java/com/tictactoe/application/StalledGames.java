package com.tictactoe.application;

import com.tictactoe.domain.GameRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Ends the games whose player to move ran out of time, whether or not anyone opens them again.
 * Every server may sweep at the same moment: each end is a conditional write, so a game is ended
 * once and the other sweeps find it done.
 */
@ApplicationScoped
public class StalledGames {

    private static final Logger LOG = Logger.getLogger(StalledGames.class.getName());

    /** Per shard of the index and sweep: a backlog is worked off over the next sweeps. */
    static final int PER_SHARD = 50;

    @Inject
    private GameRepository games;

    @Inject
    private GameFacade facade;

    /** How many games this sweep ended. */
    public int sweep(Instant now) {
        int ended = 0;
        for (String gameId : games.stalledBy(now, PER_SHARD)) {
            if (facade.endIfStalled(gameId, now)) {
                ended++;
            }
        }
        int count = ended;
        if (count > 0) {
            LOG.info(() -> "Ended " + count + " stalled game(s)");
        }
        return ended;
    }
}
