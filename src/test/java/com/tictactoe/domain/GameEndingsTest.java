package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ways out of a game that is not played to its end: resign, claim the win, time out. */
class GameEndingsTest {

    private static final TimeLimits LIMITS = new TimeLimits(Duration.ofHours(24), Duration.ofDays(7));
    private static final Instant STARTED = Instant.parse("2026-11-21T10:00:00.000001Z");
    private static final Instant MOVED = STARTED.plus(Duration.ofHours(2));

    /** Alice hosts and moves first; bob has made no move yet once alice moved. */
    private static Game started() {
        return Game.invite("g-1", "alice", "bob", STARTED.minusSeconds(60)).accept("bob", STARTED);
    }

    private static Rejection refusal(Runnable request) {
        return assertThrows(GameRuleException.class, request::run).rejection();
    }

    @Test
    void theTurnsTimeIsKeptWhileTheGameIsPlayedAndDroppedAtTheEnd() {
        assertNull(Game.invite("g-1", "alice", "bob", STARTED).turnSince());
        assertEquals(STARTED, started().turnSince());
        Game moved = started().play("alice", Square.TOP_LEFT, MOVED);
        assertEquals(MOVED, moved.turnSince());
        Game won = moved.play("bob", Square.TOP_RIGHT, MOVED)
                .play("alice", Square.MIDDLE_MIDDLE, MOVED)
                .play("bob", Square.BOTTOM_LEFT, MOVED)
                .play("alice", Square.BOTTOM_RIGHT, MOVED);
        assertEquals(GameStatus.FINISHED, won.status());
        assertNull(won.turnSince());
        assertNull(won.ending(), "played to a line");
    }

    @Test
    void eitherPlayerMayResignAtAnyTimeAndTheOtherWins() {
        Game moved = started().play("alice", Square.TOP_LEFT, MOVED);
        for (String player : new String[] {"alice", "bob"}) {
            Game resigned = moved.resign(player, MOVED.plusSeconds(1));
            assertEquals(GameStatus.FINISHED, resigned.status());
            assertEquals(Ending.RESIGNED, resigned.ending());
            assertEquals(moved.opponentOf(player), resigned.winner().orElseThrow());
            assertEquals(Outcome.LOSS, resigned.outcomeFor(player).orElseThrow());
            assertEquals(moved.board(), resigned.board(), "the board stays as it was");
            assertNull(resigned.turn());
            assertTrue(resigned.progress() > moved.progress(), "pages see a newer version");
        }
        assertEquals(Rejection.NOT_A_PLAYER, refusal(() -> moved.resign("carol", MOVED)));
        Game invitation = Game.invite("g-2", "alice", "bob", STARTED);
        assertEquals(Rejection.NOT_IN_PROGRESS, refusal(() -> invitation.resign("alice", MOVED)));
        Game resigned = moved.resign("bob", MOVED);
        assertEquals(Rejection.NOT_IN_PROGRESS, refusal(() -> resigned.resign("alice", MOVED)));
    }

    @Test
    void theWinIsClaimedOnlyByThePlayerWaitingAndOnlyOnceTheOtherHadLongEnough() {
        Game moved = started().play("alice", Square.TOP_LEFT, MOVED); // bob to move since MOVED
        Instant tooEarly = MOVED.plus(LIMITS.claimAfter()).minusNanos(1000);
        Instant inTime = MOVED.plus(LIMITS.claimAfter());

        assertEquals(Optional.of(inTime), moved.claimableFrom(LIMITS));
        assertEquals(Optional.of(Rejection.CLAIM_TOO_EARLY), moved.claimRejection("alice", tooEarly, LIMITS));
        assertEquals(Optional.of(Rejection.CLAIM_ON_YOUR_TURN), moved.claimRejection("bob", inTime, LIMITS));
        assertEquals(Optional.of(Rejection.NOT_A_PLAYER), moved.claimRejection("carol", inTime, LIMITS));
        assertEquals(Rejection.CLAIM_TOO_EARLY, refusal(() -> moved.claim("alice", tooEarly, LIMITS)));

        Game claimed = moved.claim("alice", inTime, LIMITS);
        assertEquals(Ending.CLAIMED, claimed.ending());
        assertEquals("alice", claimed.winner().orElseThrow());
        assertEquals(Optional.of(Rejection.NOT_IN_PROGRESS), claimed.claimRejection("alice", inTime, LIMITS));
    }

    @Test
    void aGameWhoseTurnTimeIsUnknownCannotBeClaimedOrTimedOut() {
        // As the original app leaves a game it moved in: no time of the turn.
        Game original = new Game(
                "g-3",
                "alice",
                "bob",
                "alice",
                "bob",
                new StatusDate(GameStatus.IN_PROGRESS, STARTED),
                null,
                Board.empty().with(Square.TOP_LEFT, Mark.O));
        Instant muchLater = STARTED.plus(Duration.ofDays(30));
        assertEquals(Optional.of(Rejection.CLAIM_TOO_EARLY), original.claimRejection("alice", muchLater, LIMITS));
        assertFalse(original.isStalled(muchLater, LIMITS));
        assertEquals(Ending.RESIGNED, original.resign("bob", muchLater).ending(), "resigning needs no time");
    }

    @Test
    void aStalledGameTimesOutAsALossForThePlayerToMove() {
        Game moved = started().play("alice", Square.TOP_LEFT, MOVED); // bob to move
        Instant due = MOVED.plus(LIMITS.stalledAfter());
        assertFalse(moved.isStalled(due.minusNanos(1000), LIMITS));
        assertEquals(Rejection.NOT_STALLED, refusal(() -> moved.timeOut(due.minusNanos(1000), LIMITS)));
        assertTrue(moved.isStalled(due, LIMITS));

        Game timedOut = moved.timeOut(due, LIMITS);
        assertEquals(Ending.TIMED_OUT, timedOut.ending());
        assertEquals("alice", timedOut.winner().orElseThrow());
        assertFalse(timedOut.isStalled(due, LIMITS));
        assertEquals(Rejection.NOT_IN_PROGRESS, refusal(() -> timedOut.timeOut(due, LIMITS)));
    }

    @Test
    void limitsMustLeaveTimeToClaimBeforeTheGameEndsByItself() {
        assertThrows(IllegalArgumentException.class, () -> new TimeLimits(Duration.ofDays(8), Duration.ofDays(7)));
        assertThrows(IllegalArgumentException.class, () -> new TimeLimits(Duration.ZERO, Duration.ofDays(7)));
    }
}
