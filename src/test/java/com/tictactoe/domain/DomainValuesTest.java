package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small values of the domain: squares, ids, dates, summaries, refusals. */
class DomainValuesTest {

    private static final Instant WHEN = Instant.parse("2026-11-21T10:20:32.123456Z");

    @Test
    void squaresLieInRowsAndColumnsInReadingOrder() {
        StringBuilder layout = new StringBuilder();
        for (Square square : Square.values()) {
            layout.append(square.row()).append(square.column()).append(' ');
        }
        assertEquals("00 01 02 10 11 12 20 21 22 ", layout.toString());
        assertEquals("MiddleRight", Square.MIDDLE_RIGHT.id());
        for (Square square : Square.values()) {
            assertEquals(Optional.of(square), Square.fromId(square.id()));
        }
        assertEquals(Optional.empty(), Square.fromId(""));
        assertEquals(Optional.empty(), Square.fromId("TopLeft "));
    }

    @Test
    void aStatusDateNeedsBothHalves() {
        assertEquals(GameStatus.FINISHED, new StatusDate(GameStatus.FINISHED, WHEN).status());
        assertThrows(NullPointerException.class, () -> new StatusDate(null, WHEN));
        assertThrows(NullPointerException.class, () -> new StatusDate(GameStatus.PENDING, null));
    }

    @Test
    void userIdsAreThreeToTwentyOfLettersDigitsUnderscoresAndDashes() {
        assertTrue(UserIds.isValid("abc"));
        assertTrue(UserIds.isValid("a".repeat(20)));
        assertTrue(UserIds.isValid("Tie-breaker"));
        assertTrue(UserIds.isValid("ties"));
        assertFalse(UserIds.isValid(null));
        assertFalse(UserIds.isValid(""));
        assertFalse(UserIds.isValid("ab"));
        assertFalse(UserIds.isValid("al ice"));
        assertFalse(UserIds.isValid("tie"));
        assertFalse(UserIds.isValid("Tie"));
        assertTrue(UserIds.isReserved("tIe"));
        assertFalse(UserIds.isReserved("tied"));
        assertFalse(UserIds.isReserved("alice"));
    }

    @Test
    void gameIdsAreFreshUuidsAndOnlyPlausibleIdsNameGames() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = GameIds.next();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
            assertTrue(GameIds.isPlausible(id));
            ids.add(id);
        }
        assertEquals(20, ids.size());
        assertTrue(GameIds.isPlausible("g"));
        assertTrue(GameIds.isPlausible("A-9".repeat(21) + "z"));
        assertFalse(GameIds.isPlausible("a".repeat(65)));
        assertFalse(GameIds.isPlausible(""));
        assertFalse(GameIds.isPlausible(null));
        assertFalse(GameIds.isPlausible("../games"));
        assertFalse(GameIds.isPlausible("a b"));
    }

    @Test
    void aSummaryTellsWhoseTurnItIsAndHowItEnded() {
        GameSummary pending =
                new GameSummary("g", "alice", "bob", new StatusDate(GameStatus.PENDING, WHEN), "alice", null);
        assertEquals(GameStatus.PENDING, pending.status());
        assertFalse(pending.isTurnOf("alice"), "nobody moves before the game starts");
        assertEquals(Optional.empty(), pending.outcomeFor("alice"));
        assertEquals("bob", pending.opponentOf("alice"));
        assertEquals("alice", pending.opponentOf("bob"));

        GameSummary playing =
                new GameSummary("g", "alice", "bob", new StatusDate(GameStatus.IN_PROGRESS, WHEN), "bob", null);
        assertTrue(playing.isTurnOf("bob"));
        assertFalse(playing.isTurnOf("alice"));
        GameSummary next = playing.withTurn("alice");
        assertTrue(next.isTurnOf("alice"));
        assertEquals(new GameSummary("g", "alice", "bob", playing.statusDate(), "alice", null), next);
        assertEquals(Optional.empty(), playing.outcomeFor("bob"));

        StatusDate finished = new StatusDate(GameStatus.FINISHED, WHEN);
        GameSummary won = new GameSummary("g", "alice", "bob", finished, null, "bob");
        assertEquals(Optional.of(Outcome.WIN), won.outcomeFor("bob"));
        assertEquals(Optional.of(Outcome.LOSS), won.outcomeFor("alice"));
        assertFalse(won.isTurnOf("bob"));
        GameSummary drawn = new GameSummary("g", "alice", "bob", finished, null, null);
        assertEquals(Optional.of(Outcome.DRAW), drawn.outcomeFor("alice"));
        GameSummary oddlyWon =
                new GameSummary("g", "alice", "bob", new StatusDate(GameStatus.IN_PROGRESS, WHEN), "bob", "bob");
        assertEquals(Optional.empty(), oddlyWon.outcomeFor("bob"), "only a finished game has an outcome");
    }

    @Test
    void aLobbyKeepsItsOwnListsInOrder() {
        GameSummary one = new GameSummary("1", "alice", "bob", new StatusDate(GameStatus.PENDING, WHEN), "alice", null);
        GameSummary two =
                new GameSummary("2", "carol", "alice", new StatusDate(GameStatus.PENDING, WHEN), "carol", null);
        List<GameSummary> invitations = new java.util.ArrayList<>(List.of(two));
        Lobby lobby = new Lobby(invitations, true, List.of(one), false, List.of(), List.of());
        invitations.clear();
        assertEquals(List.of(two), lobby.invitations());
        assertTrue(lobby.moreInvitations());
        assertEquals(List.of(one), lobby.sentInvitations());
        assertFalse(lobby.moreSent());
        assertThrows(UnsupportedOperationException.class, () -> lobby.finished().add(one));
    }

    @Test
    void refusalsCarryTheirReasonAndParticulars() {
        GameRuleException refused = new GameRuleException(Rejection.NOT_YOUR_TURN);
        assertSame(Rejection.NOT_YOUR_TURN, refused.rejection());
        assertEquals("rejection.not_your_turn", Rejection.NOT_YOUR_TURN.key());
        assertEquals(0, refused.arguments().length);
        assertEquals(
                List.of(InvitationLimits.PER_INVITER),
                List.of(new GameRuleException(Rejection.TOO_MANY_SENT).arguments()));
        assertEquals(List.of("bob"), List.of(new GameRuleException(Rejection.NO_SUCH_PLAYER, "bob").arguments()));
        Set<String> keys = new HashSet<>();
        for (Rejection rejection : Rejection.values()) {
            keys.add(rejection.key());
        }
        assertEquals(Rejection.values().length, keys.size(), "each refusal has a text of its own");
    }

    @Test
    void aWriteConflictCarriesTheGameAsStoredNow() {
        Game game = Game.invite("g", "alice", "bob", WHEN);
        WriteConflictException withGame = new WriteConflictException(game, true);
        assertEquals(Optional.of(game), withGame.current());
        assertTrue(withGame.afterRetry());
        WriteConflictException gone = new WriteConflictException(null, false);
        assertEquals(Optional.empty(), gone.current());
        assertFalse(gone.afterRetry());
        assertEquals("The game is not in the expected state", gone.getMessage());
    }

    @Test
    void aBusyStoreIsAKindOfUnavailableStore() {
        RuntimeException cause = new RuntimeException("throttled");
        StoreUnavailableException busy = new StoreBusyException(cause);
        assertTrue(busy.getMessage().contains("capacity"), busy.getMessage());
        assertSame(cause, busy.getCause());
        StoreUnavailableException down = new StoreUnavailableException("down", cause);
        assertEquals("down", down.getMessage());
        assertSame(cause, down.getCause());
    }

    @Test
    void accountNamesAreUniqueIgnoringCase() {
        Account account = new Account("Alice_1", "hash");
        assertEquals("alice_1", account.key());
        assertEquals(account.key(), Account.keyOf("ALICE_1"));
        assertEquals("Alice_1", account.username());
        assertNotEquals(Account.keyOf("alice"), Account.keyOf("alicia"));
        assertNull(new Account("x", null).passwordHash());
    }

    @Test
    void invitationLimitsLetOneInviterFillOnlyHalfOfAPlayersInvitations() {
        assertEquals(2 * InvitationLimits.PER_INVITER, InvitationLimits.PER_INVITEE);
        assertEquals(InvitationLimits.PER_INVITEE, GameRepository.INVITATIONS_SHOWN);
        assertEquals(InvitationLimits.PER_INVITER, GameRepository.SENT_SHOWN);
    }
}
