package com.tictactoe.web.game;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.TimeLimits;
import com.tictactoe.web.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a player reads about the time the player to move has taken: how long the opponent has had
 * the turn and when the win can be claimed, or how long you have, in whole minutes, hours or days.
 */
final class TurnClock {

    private TurnClock() {}

    /** The line under the status for {@code me}; empty for watchers and when the time is not known. */
    static Optional<String> line(Game game, String me, TimeLimits limits, Instant now, Texts texts) {
        if (!game.isPlayer(me) || game.turnSince() == null) {
            return Optional.empty();
        }
        Optional<Instant> claimable = game.claimableFrom(limits);
        if (claimable.isEmpty()) {
            return Optional.empty();
        }
        String waited = span(Duration.between(game.turnSince(), now), texts);
        if (me.equals(game.turn())) {
            return Optional.of(texts.get("game.youWaited", waited, span(limits.stalledAfter(), texts)));
        }
        String claim = now.isBefore(claimable.get())
                ? texts.get("game.claimAfter", span(limits.claimAfter(), texts))
                : texts.get("game.claimNow");
        return Optional.of(texts.get("game.opponentWaited", game.turn(), waited) + " " + claim);
    }

    /** A duration in the largest whole unit it holds: "3 hours", not "3 hours 12 minutes". */
    static String span(Duration duration, Texts texts) {
        if (duration.toDays() >= 1) {
            return texts.get("span.days", duration.toDays());
        }
        if (duration.toHours() >= 1) {
            return texts.get("span.hours", duration.toHours());
        }
        return texts.get("span.minutes", Math.max(0, duration.toMinutes()));
    }
}
