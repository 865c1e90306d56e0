package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When an invitation expires, and what a lobby shows of expired ones. */
class InvitationLifetimeTest {

    private static final InvitationLifetime WEEK = InvitationLifetime.DEFAULT;
    private static final Instant SENT = Instant.parse("2026-11-23T10:00:00.250000Z");
    private static final Instant DEADLINE = Instant.parse("2026-11-30T10:00:00Z");

    private static StatusDate pending(Instant sent) {
        return new StatusDate(GameStatus.PENDING, sent);
    }

    @Test
    void theDefaultIsSevenDays() {
        assertEquals(Duration.ofDays(7), WEEK.length());
    }

    @Test
    void anInvitationIsOpenUntilItsDeadlineAndExpiredFromIt() {
        assertEquals(DEADLINE, WEEK.deadlineOf(SENT), "a week later, cut to the second as stored");
        assertFalse(WEEK.isExpired(pending(SENT), SENT));
        assertFalse(WEEK.isExpired(pending(SENT), DEADLINE.minusNanos(1000)));
        assertTrue(WEEK.isExpired(pending(SENT), DEADLINE));
        assertTrue(WEEK.isExpired(pending(SENT), DEADLINE.plusSeconds(3600)));
    }

    @Test
    void gamesInPlayOrFinishedNeverExpire() {
        Instant muchLater = SENT.plus(Duration.ofDays(400));
        assertFalse(WEEK.isExpired(new StatusDate(GameStatus.IN_PROGRESS, SENT), muchLater));
        assertFalse(WEEK.isExpired(new StatusDate(GameStatus.FINISHED, SENT), muchLater));
    }

    @Test
    void anExpiredInvitationIsRefused() {
        Game invitation = Game.invite("g1", "alice", "bob", SENT);
        WEEK.checkOpen(invitation, DEADLINE.minusNanos(1000));
        assertEquals(
                Rejection.INVITATION_EXPIRED,
                assertThrows(GameRuleException.class, () -> WEEK.checkOpen(invitation, DEADLINE))
                        .rejection());
    }

    /** The lists' key condition (sent at or after openSince) and the rule agree at every instant. */
    @Test
    void openSinceSaysTheSameAsTheRule() {
        Random random = new Random(21);
        for (InvitationLifetime lifetime : List.of(
                WEEK, new InvitationLifetime(Duration.ofSeconds(1)), new InvitationLifetime(Duration.ofHours(5)))) {
            for (int i = 0; i < 20_000; i++) {
                Instant sent = SENT.plusNanos(1000L * random.nextInt(4_000_000));
                Instant now = lifetime.deadlineOf(sent).plusNanos(1000L * (random.nextInt(4_000_000) - 2_000_000));
                assertEquals(
                        lifetime.isExpired(pending(sent), now),
                        sent.isBefore(lifetime.openSince(now)),
                        lifetime + ", sent " + sent + ", now " + now);
            }
            Instant now = Instant.parse("2026-12-01T12:00:00.999999Z");
            Instant since = lifetime.openSince(now);
            assertFalse(lifetime.isExpired(pending(since), now), "open from that instant");
            assertTrue(lifetime.isExpired(pending(since.minusNanos(1000)), now), "expired a microsecond before");
        }
    }

    @Test
    void aLifetimeIsWholeSecondsAndAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new InvitationLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new InvitationLifetime(Duration.ofDays(-1)));
        assertThrows(IllegalArgumentException.class, () -> new InvitationLifetime(Duration.ofMillis(1500)));
    }

    private static GameSummary invitation(String id, String host, String opponent, Instant sent) {
        return new GameSummary(id, host, opponent, pending(sent), null, null);
    }

    @Test
    void aLobbyDropsExpiredInvitationsAndThoseItLeftOutExpiredToo() {
        Instant now = DEADLINE.plusSeconds(60);
        GameSummary fresh = invitation("fresh", "carol", "bob", SENT.plus(Duration.ofDays(2)));
        GameSummary expired = invitation("expired", "alice", "bob", SENT);
        GameSummary sentFresh = invitation("sent", "bob", "dave", SENT.plus(Duration.ofDays(1)));
        GameSummary playing = new GameSummary(
                "playing",
                "bob",
                "erin",
                new StatusDate(GameStatus.IN_PROGRESS, SENT.minus(Duration.ofDays(30))),
                "bob",
                null);
        Lobby lobby = new Lobby(List.of(fresh, expired), true, List.of(sentFresh), true, List.of(playing), List.of());

        Lobby open = lobby.withoutExpired(new PendingLifetimes(WEEK, WEEK), now);
        assertEquals(List.of(fresh), open.invitations());
        assertFalse(open.moreInvitations(), "the ones left out are older than an expired one");
        assertEquals(List.of(sentFresh), open.sentInvitations());
        assertTrue(open.moreSent(), "nothing expired there: older ones may be open");
        assertEquals(List.of(playing), open.inProgress(), "games in play do not expire");

        assertSame(open, open.withoutExpired(new PendingLifetimes(WEEK, WEEK), now), "nothing to drop");
        assertEquals(
                List.of(fresh, expired),
                lobby.withoutExpired(new PendingLifetimes(WEEK, WEEK), DEADLINE.minusSeconds(1))
                        .invitations());
    }
}
