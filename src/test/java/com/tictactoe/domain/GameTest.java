package com.tictactoe.domain;

import static com.tictactoe.domain.Square.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One game's life: invitation, start, moves, and how it ends for each player. */
class GameTest {

    private static final Instant INVITED = Instant.parse("2026-11-21T10:00:00.000001Z");
    private static final Instant STARTED = Instant.parse("2026-11-21T10:01:00.000002Z");
    private static final Instant MOVED = Instant.parse("2026-11-21T10:02:00.000003Z");
    private static final Instant ENDED = Instant.parse("2026-11-21T10:03:00.000004Z");

    private static Game invitation() {
        return Game.invite("g-1", "alice", "bob", INVITED);
    }

    private static Game started() {
        return invitation().accept("bob", STARTED);
    }

    /** Plays the squares in turn, host first, all but the last at MOVED and the last at ENDED. */
    private static Game play(Square... squares) {
        Game game = started();
        for (int i = 0; i < squares.length; i++) {
            game = game.play(game.turn(), squares[i], i == squares.length - 1 ? ENDED : MOVED);
        }
        return game;
    }

    private static Rejection rejectionOf(Runnable action) {
        return assertThrows(GameRuleException.class, action::run).rejection();
    }

    @Test
    void anInvitationIsPendingWithTheHostToPlayFirstWithO() {
        Game game = invitation();
        assertEquals("g-1", game.gameId());
        assertEquals("alice", game.hostId());
        assertEquals("bob", game.opponentId());
        assertEquals("alice", game.oUser());
        assertEquals("alice", game.turn());
        assertEquals(new StatusDate(GameStatus.PENDING, INVITED), game.statusDate());
        assertEquals(GameStatus.PENDING, game.status());
        assertNull(game.result());
        assertSame(Board.empty(), game.board());
        assertEquals(Mark.O, game.markOf("alice"));
        assertEquals(Mark.X, game.markOf("bob"));
        assertEquals("alice", game.playerOf(Mark.O));
        assertEquals("bob", game.playerOf(Mark.X));
        assertFalse(game.isDraw());
        assertEquals(Optional.empty(), game.winner());
        assertEquals(Optional.empty(), game.winningLine());
        assertEquals(Optional.empty(), game.outcomeFor("alice"));
    }

    @Test
    void aChallengeIsTakenUpByAnyoneButItsHostAndThenIsAGameLikeAnyOther() {
        Game challenge = Game.challenge("g-2", "alice", INVITED);
        assertTrue(challenge.isChallenge());
        assertEquals(GameStatus.PENDING, challenge.status());
        assertNull(challenge.opponentId());
        assertNull(challenge.opponentOf("alice"), "nobody yet");
        assertTrue(challenge.isPlayer("alice") && !challenge.isPlayer("bob"));
        assertEquals(Rejection.OWN_CHALLENGE, rejectionOf(() -> challenge.takeChallenge("alice", STARTED)));
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> challenge.accept("bob", STARTED)), "no invitation");
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> challenge.checkDecline("bob")));

        Game taken = challenge.takeChallenge("bob", STARTED);
        assertEquals(Game.invite("g-2", "alice", "bob", INVITED).accept("bob", STARTED), taken, "as if invited");
        assertEquals(Rejection.CHALLENGE_TAKEN, rejectionOf(() -> taken.takeChallenge("carol", MOVED)));
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> invitation().takeChallenge("carol", MOVED)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Game("g", "alice", null, "alice", "alice", taken.statusDate(), null, Board.empty()),
                "only a pending game has no opponent");
    }

    @Test
    void anInvitationNamesAnotherPlayer() {
        assertEquals(Rejection.OPPONENT_REQUIRED, rejectionOf(() -> Game.invite("g", "alice", "", INVITED)));
        assertEquals(Rejection.OPPONENT_REQUIRED, rejectionOf(() -> Game.invite("g", "alice", "  ", INVITED)));
        assertEquals(Rejection.SELF_INVITATION, rejectionOf(() -> Game.invite("g", "alice", "alice", INVITED)));
        assertEquals(Rejection.SELF_INVITATION, rejectionOf(() -> Game.invite("g", "ALICE", "alice", INVITED)));
        assertEquals("alicia", Game.invite("g", "alice", "alicia", INVITED).opponentId());
    }

    @Test
    void playersAndTheirOpponents() {
        Game game = invitation();
        assertTrue(game.isPlayer("alice"));
        assertTrue(game.isPlayer("bob"));
        assertFalse(game.isPlayer("carol"));
        assertFalse(game.isPlayer("Alice"), "ids are compared exactly");
        assertFalse(game.isPlayer(null));
        assertEquals("bob", game.opponentOf("alice"));
        assertEquals("alice", game.opponentOf("bob"));
    }

    @Test
    void acceptingStartsTheGameWithTheHostToMove() {
        Game game = started();
        assertEquals(GameStatus.IN_PROGRESS, game.status());
        assertEquals(new StatusDate(GameStatus.IN_PROGRESS, STARTED), game.statusDate());
        assertEquals("alice", game.turn());
        assertEquals("alice", game.oUser());
        assertEquals("bob", game.opponentId());
        assertSame(Board.empty(), game.board());
        assertNull(game.result());
        assertEquals(Optional.empty(), game.outcomeFor("bob"));
    }

    @Test
    void onlyAnOpenInvitationCanBeDeclinedOrCancelled() {
        Game game = invitation();
        game.checkDecline("bob");
        game.checkCancel("alice");
        assertEquals(Rejection.NOT_INVITED, rejectionOf(() -> game.checkDecline("alice")));
        assertEquals(Rejection.NOT_HOST, rejectionOf(() -> game.checkCancel("carol")));
        Game finished = play(TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT);
        assertEquals(Rejection.NOT_PENDING, rejectionOf(() -> finished.checkCancel("alice")));
        assertEquals(Rejection.NOT_PENDING, rejectionOf(() -> finished.checkDecline("bob")));
        assertEquals(Rejection.NOT_PENDING, rejectionOf(() -> finished.accept("bob", ENDED)));
    }

    @Test
    void noMoveBeforeTheGameStartsNorAfterItEnds() {
        Game pending = invitation();
        assertEquals(Optional.of(Rejection.NOT_IN_PROGRESS), pending.moveRejection("alice", TOP_LEFT));
        assertEquals(Rejection.NOT_IN_PROGRESS, rejectionOf(() -> pending.play("alice", TOP_LEFT, MOVED)));
        Game finished = play(TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT);
        assertEquals(Optional.of(Rejection.NOT_IN_PROGRESS), finished.moveRejection("bob", BOTTOM_RIGHT));
        assertEquals(Optional.of(Rejection.NOT_A_PLAYER), finished.moveRejection("carol", BOTTOM_RIGHT));
        assertEquals(Optional.of(Rejection.INVALID_SQUARE), finished.moveRejection("bob", null));
    }

    @Test
    void aRefusedMoveChangesNothing() {
        Game game = started();
        assertEquals(Rejection.NOT_YOUR_TURN, rejectionOf(() -> game.play("bob", TOP_LEFT, MOVED)));
        assertEquals(Rejection.NOT_A_PLAYER, rejectionOf(() -> game.play("carol", TOP_LEFT, MOVED)));
        assertEquals(Rejection.INVALID_SQUARE, rejectionOf(() -> game.play("alice", null, MOVED)));
        Game after = game.play("alice", TOP_LEFT, MOVED);
        assertEquals(Rejection.SQUARE_TAKEN, rejectionOf(() -> after.play("bob", TOP_LEFT, MOVED)));
        assertEquals(Optional.empty(), after.moveRejection("bob", TOP_MIDDLE));
    }

    @Test
    void aMovePassesTheTurnAndKeepsTheDate() {
        Game game = started();
        Game first = game.play("alice", MIDDLE_MIDDLE, MOVED);
        assertEquals("bob", first.turn());
        assertEquals(Optional.of(Mark.O), first.board().markAt(MIDDLE_MIDDLE));
        assertEquals(GameStatus.IN_PROGRESS, first.status());
        assertEquals(game.statusDate(), first.statusDate(), "the date is when the game started");
        assertNull(first.result());
        Game second = first.play("bob", TOP_LEFT, MOVED);
        assertEquals("alice", second.turn());
        assertEquals(Optional.of(Mark.X), second.board().markAt(TOP_LEFT));
        assertEquals("g-1", second.gameId());
        assertEquals("alice", second.hostId());
        assertEquals("bob", second.opponentId());
        assertEquals("alice", second.oUser());
        assertEquals(Optional.empty(), second.outcomeFor("alice"));
        assertEquals(Optional.empty(), second.winningLine());
    }

    @Test
    void theHostWinsWithTheMoveThatCompletesALine() {
        Game game = play(TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT);
        assertEquals(GameStatus.FINISHED, game.status());
        assertEquals(new StatusDate(GameStatus.FINISHED, ENDED), game.statusDate());
        assertNull(game.turn());
        assertEquals("alice", game.result());
        assertEquals(Optional.of("alice"), game.winner());
        assertFalse(game.isDraw());
        assertEquals(Optional.of(WinningLine.TOP_ROW), game.winningLine());
        assertEquals(Optional.of(Outcome.WIN), game.outcomeFor("alice"));
        assertEquals(Optional.of(Outcome.LOSS), game.outcomeFor("bob"));
        assertEquals(5, game.board().moveCount());
    }

    @Test
    void theOpponentCanWinToo() {
        Game game = play(TOP_LEFT, TOP_RIGHT, MIDDLE_LEFT, MIDDLE_MIDDLE, BOTTOM_MIDDLE, BOTTOM_LEFT);
        assertEquals(Optional.of("bob"), game.winner());
        assertEquals(Optional.of(WinningLine.ANTI_DIAGONAL), game.winningLine());
        assertEquals(Optional.of(Outcome.WIN), game.outcomeFor("bob"));
        assertEquals(Optional.of(Outcome.LOSS), game.outcomeFor("alice"));
    }

    @Test
    void aFullBoardWithoutALineIsADraw() {
        Game game = play(
                TOP_LEFT,
                TOP_MIDDLE,
                TOP_RIGHT,
                MIDDLE_MIDDLE,
                MIDDLE_LEFT,
                MIDDLE_RIGHT,
                BOTTOM_MIDDLE,
                BOTTOM_LEFT,
                BOTTOM_RIGHT);
        assertEquals(GameStatus.FINISHED, game.status());
        assertEquals(new StatusDate(GameStatus.FINISHED, ENDED), game.statusDate());
        assertNull(game.result(), "a draw has no winner");
        assertNull(game.turn());
        assertTrue(game.isDraw());
        assertEquals(Optional.empty(), game.winner());
        assertEquals(Optional.empty(), game.winningLine());
        assertEquals(Optional.of(Outcome.DRAW), game.outcomeFor("alice"));
        assertEquals(Optional.of(Outcome.DRAW), game.outcomeFor("bob"));
    }

    @Test
    void aWinOnTheLastSquareIsAWinNotADraw() {
        Game game = play(
                TOP_LEFT,
                TOP_MIDDLE,
                TOP_RIGHT,
                MIDDLE_LEFT,
                MIDDLE_MIDDLE,
                MIDDLE_RIGHT,
                BOTTOM_MIDDLE,
                BOTTOM_LEFT,
                BOTTOM_RIGHT);
        assertTrue(game.board().isFull());
        assertEquals(Optional.of("alice"), game.winner());
        assertEquals(Optional.of(WinningLine.DIAGONAL), game.winningLine());
        assertFalse(game.isDraw());
    }

    @Test
    void aResultIsOnlyAResultOnceTheGameIsFinished() {
        Game stored = new Game(
                "g",
                "alice",
                "bob",
                "alice",
                "alice",
                new StatusDate(GameStatus.IN_PROGRESS, STARTED),
                "alice",
                Board.empty());
        assertEquals(Optional.empty(), stored.winner());
        assertEquals(Optional.empty(), stored.outcomeFor("alice"));
        Game noWinnerInProgress = new Game(
                "g",
                "alice",
                "bob",
                "alice",
                "alice",
                new StatusDate(GameStatus.IN_PROGRESS, STARTED),
                null,
                Board.empty());
        assertFalse(noWinnerInProgress.isDraw(), "only a finished game is a draw");
        Game finishedWithoutWinner = new Game(
                "g", "alice", "bob", "alice", null, new StatusDate(GameStatus.FINISHED, ENDED), null, Board.empty());
        assertEquals(Optional.empty(), finishedWithoutWinner.winner());
        assertTrue(finishedWithoutWinner.isDraw(), "a finished game without a winner is a draw");
    }

    @Test
    void progressGrowsWithEveryChangeOfState() {
        List<Game> states = new ArrayList<>();
        Game game = invitation();
        states.add(game);
        game = game.accept("bob", STARTED);
        states.add(game);
        for (Square square : List.of(TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_MIDDLE, TOP_RIGHT)) {
            game = game.play(game.turn(), square, MOVED);
            states.add(game);
        }
        for (int i = 1; i < states.size(); i++) {
            assertTrue(
                    states.get(i).progress() > states.get(i - 1).progress(),
                    "state " + i + ": " + states.get(i - 1).progress() + " then "
                            + states.get(i).progress());
        }
        Game draw = play(
                TOP_LEFT, TOP_MIDDLE, TOP_RIGHT, MIDDLE_MIDDLE, MIDDLE_LEFT, MIDDLE_RIGHT, BOTTOM_MIDDLE, BOTTOM_LEFT);
        assertTrue(draw.play("alice", BOTTOM_RIGHT, ENDED).progress() > draw.progress());
    }

    @Test
    void everyPartIsRequired() {
        StatusDate date = new StatusDate(GameStatus.PENDING, INVITED);
        assertThrows(NullPointerException.class, () -> new Game(null, "a", "b", "a", "a", date, null, Board.empty()));
        assertThrows(NullPointerException.class, () -> new Game("g", null, "b", "a", "a", date, null, Board.empty()));
        // A pending game without an opponent is a challenge; any other needs one.
        StatusDate started = new StatusDate(GameStatus.IN_PROGRESS, STARTED);
        assertThrows(
                IllegalArgumentException.class, () -> new Game("g", "a", null, "a", "a", started, null, Board.empty()));
        assertThrows(NullPointerException.class, () -> new Game("g", "a", "b", null, "a", date, null, Board.empty()));
        assertThrows(NullPointerException.class, () -> new Game("g", "a", "b", "a", "a", null, null, Board.empty()));
        assertThrows(NullPointerException.class, () -> new Game("g", "a", "b", "a", "a", date, null, null));
    }
}
