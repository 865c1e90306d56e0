package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GameRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:20:32.123456Z");

    private static Rejection rejectionOf(Runnable action) {
        return assertThrows(GameRuleException.class, action::run).rejection();
    }

    @Test
    void invitationsNeedAnotherPlayer() {
        assertEquals(Rejection.OPPONENT_REQUIRED, rejectionOf(() -> Game.invite("g", "alice", " ", NOW)));
        assertEquals(Rejection.OPPONENT_REQUIRED, rejectionOf(() -> Game.invite("g", "alice", null, NOW)));
        assertEquals(Rejection.SELF_INVITATION, rejectionOf(() -> Game.invite("g", "alice", "Alice", NOW)));
        Game game = Game.invite("g", "alice", "bob", NOW);
        assertEquals(GameStatus.PENDING, game.status());
        assertEquals("alice", game.oUser());
        assertEquals("alice", game.turn());
    }

    @Test
    void onlyTheInviteeAcceptsOrDeclinesAndOnlyTheHostCancels() {
        Game game = Game.invite("g", "alice", "bob", NOW);
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> game.accept("alice", NOW)));
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> game.accept("carol", NOW)));
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> game.checkDecline("carol")));
        assertEquals(Rejection.NOT_HOST, rejectionOf(() -> game.checkCancel("bob")));
        Game started = game.accept("bob", NOW);
        assertEquals(GameStatus.IN_PROGRESS, started.status());
        assertEquals(Rejection.NOT_PENDING, rejectionOf(() -> started.accept("bob", NOW)));
        assertEquals(Rejection.NOT_PENDING, rejectionOf(() -> started.checkDecline("bob")));
        assertEquals(Rejection.NOT_PENDING, rejectionOf(() -> started.checkCancel("alice")));
    }

    @Test
    void movesAreCheckedInOrder() {
        Game game = Game.invite("g", "alice", "bob", NOW).accept("bob", NOW);
        assertEquals(Optional.of(Rejection.INVALID_SQUARE), game.moveRejection("alice", null));
        assertEquals(Optional.of(Rejection.NOT_A_PLAYER), game.moveRejection("carol", Square.TOP_LEFT));
        assertEquals(Optional.of(Rejection.NOT_YOUR_TURN), game.moveRejection("bob", Square.TOP_LEFT));
        Game after = game.play("alice", Square.TOP_LEFT, NOW);
        assertEquals(Optional.of(Rejection.SQUARE_TAKEN), after.moveRejection("bob", Square.TOP_LEFT));
        assertEquals(Mark.X, after.markOf("bob"));
        assertTrue(after.progress() > game.progress());
    }

    @Test
    void squaresAreKnownOnlyByTheirExactAttributeNames() {
        assertEquals(Optional.of(Square.MIDDLE_MIDDLE), Square.fromId("MiddleMiddle"));
        assertEquals(Optional.empty(), Square.fromId("middlemiddle"));
        assertEquals(Optional.empty(), Square.fromId("HostId"));
        assertEquals(Optional.empty(), Square.fromId("Turn"));
        assertEquals(Optional.empty(), Square.fromId(null));
        assertEquals(9, Square.values().length);
    }

    @Test
    void userIdsHaveOneShapeAndTieIsReserved() {
        assertTrue(UserIds.isValid("alice_1-b"));
        assertEquals(false, UserIds.isValid("al"));
        assertEquals(false, UserIds.isValid("a".repeat(21)));
        assertEquals(false, UserIds.isValid("<script>"));
        assertEquals(false, UserIds.isValid("TIE"));
    }
}
