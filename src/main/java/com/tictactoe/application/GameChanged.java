package com.tictactoe.application;

import com.tictactoe.domain.Game;
import java.util.Set;

/**
 * Fired after a game was written: created, accepted, moved, finished, declined or cancelled.
 *
 * @param game    the game as it is now, or as it was when it was deleted
 * @param deleted whether the game is gone (declined or cancelled)
 */
public record GameChanged(Game game, boolean deleted) {

    public Set<String> players() {
        return Set.of(game.hostId(), game.opponentId());
    }
}
