package com.tictactoe.application;

import com.tictactoe.domain.Game;
import java.util.Set;

/**
 * Fired after a game was written: created, accepted, moved, finished, declined or cancelled.
 *
 * @param game              the game as it is now, or as it was when it was deleted
 * @param deleted           whether the game is gone (declined or cancelled)
 * @param fromAnotherServer whether another server of the cluster wrote it and passed the news on:
 *                          such a change is for this server's pages only, not to be passed on again
 */
public record GameChanged(Game game, boolean deleted, boolean fromAnotherServer) {

    /** A change written by this server. */
    public GameChanged(Game game, boolean deleted) {
        this(game, deleted, false);
    }

    /** The host, and the opponent unless this is a challenge nobody has taken yet. */
    public Set<String> players() {
        return game.opponentId() == null ? Set.of(game.hostId()) : Set.of(game.hostId(), game.opponentId());
    }
}
