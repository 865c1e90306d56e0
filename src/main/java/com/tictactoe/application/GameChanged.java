package com.tictactoe.application;

import com.tictactoe.domain.Game;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Fired after a game was written: created, accepted, moved, finished, declined or cancelled.
 *
 * @param game              the game as it is now, or as it was when it was deleted
 * @param deleted           whether the game is gone (declined or cancelled)
 * @param fromAnotherServer whether another server of the cluster wrote it and passed the news on:
 *                          such a change is for this server's pages only, not to be passed on again
 * @param writeStarted      when this server began the write that made the change ({@link
 *                          System#nanoTime()}), if it knows: whatever this server read before then
 *                          cannot include the change
 */
public record GameChanged(Game game, boolean deleted, boolean fromAnotherServer, OptionalLong writeStarted) {

    /** A change written by this server, at an unknown time (found stored by a retry, say). */
    public GameChanged(Game game, boolean deleted) {
        this(game, deleted, false, OptionalLong.empty());
    }

    /** A change another server wrote ({@code fromAnotherServer}) or this one, at an unknown time. */
    public GameChanged(Game game, boolean deleted, boolean fromAnotherServer) {
        this(game, deleted, fromAnotherServer, OptionalLong.empty());
    }

    /** A game this server wrote with a write it began at {@code startedNanos}. */
    public static GameChanged writtenHere(Game game, long startedNanos) {
        return new GameChanged(game, false, false, OptionalLong.of(startedNanos));
    }

    /** The host, and the opponent unless this is a challenge nobody has taken yet. */
    public Set<String> players() {
        return game.opponentId() == null ? Set.of(game.hostId()) : Set.of(game.hostId(), game.opponentId());
    }
}
