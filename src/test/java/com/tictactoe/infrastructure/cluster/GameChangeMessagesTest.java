package com.tictactoe.infrastructure.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameChanged;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.Square;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GameChangeMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");

    @Test
    void aGameInProgressArrivesWholeAndMarkedAsAnotherServersChange() {
        Game game = Game.invite("0b1c2d3e-0000-4000-8000-000000000001", "alice", "Bob", NOW)
                .accept("Bob", NOW)
                .play("alice", Square.TOP_LEFT, NOW)
                .play("Bob", Square.MIDDLE_MIDDLE, NOW.plusNanos(1));

        GameChanged received = GameChangeMessages.decode(GameChangeMessages.encode(new GameChanged(game, false)));

        assertEquals(game, received.game());
        assertFalse(received.deleted());
        assertTrue(received.fromAnotherServer());
    }

    @Test
    void aFinishedGameKeepsItsResultAndNoTurn() {
        Game game = Game.invite("0b1c2d3e-0000-4000-8000-000000000002", "alice", "bob", NOW)
                .accept("bob", NOW);
        for (Square square : new Square[] {
            Square.TOP_LEFT, Square.MIDDLE_LEFT, Square.TOP_MIDDLE, Square.MIDDLE_MIDDLE, Square.TOP_RIGHT
        }) {
            game = game.play(game.turn(), square, NOW);
        }

        Game received = GameChangeMessages.decode(GameChangeMessages.encode(new GameChanged(game, false)))
                .game();

        assertEquals(game, received);
        assertEquals("alice", received.result());
        assertEquals(null, received.turn());
    }

    /** No opponent is sent as "", which no player is called, and read back as none. */
    @Test
    void aChallengeArrivesWithoutAnOpponent() {
        Game challenge = Game.challenge("0b1c2d3e-0000-4000-8000-000000000005", "alice", NOW);

        GameChanged received = GameChangeMessages.decode(GameChangeMessages.encode(new GameChanged(challenge, false)));

        assertEquals(challenge, received.game());
        assertEquals(java.util.Set.of("alice"), received.players());
    }

    @Test
    void aWithdrawnInvitationStaysDeleted() {
        Game invitation = Game.invite("0b1c2d3e-0000-4000-8000-000000000003", "alice", "bob", NOW);

        GameChanged received = GameChangeMessages.decode(GameChangeMessages.encode(new GameChanged(invitation, true)));

        assertTrue(received.deleted());
        assertEquals(invitation, received.game());
    }

    @Test
    void aMessageOfAnotherFormatOrCutShortIsRefused() {
        byte[] message = GameChangeMessages.encode(
                new GameChanged(Game.invite("0b1c2d3e-0000-4000-8000-000000000004", "alice", "bob", NOW), false));
        byte[] nextFormat = message.clone();
        nextFormat[0] = GameChangeMessages.FORMAT + 1;

        assertThrows(IllegalArgumentException.class, () -> GameChangeMessages.decode(nextFormat));
        // Cut into the squares: the fields after them (turn time, ending, order) may be missing,
        // as in a message of an earlier version, but the squares may not.
        assertThrows(
                IllegalArgumentException.class,
                () -> GameChangeMessages.decode(Arrays.copyOf(message, message.length - 5)));
    }

    @Test
    void theOrderOfPlayArrivesWithTheGame() {
        Game game = Game.invite("0b1c2d3e-0000-4000-8000-000000000005", "alice", "bob", NOW)
                .accept("bob", NOW)
                .play("alice", Square.BOTTOM_RIGHT, NOW)
                .play("bob", Square.TOP_LEFT, NOW);

        Game received = GameChangeMessages.decode(GameChangeMessages.encode(new GameChanged(game, false)))
                .game();

        assertEquals(
                List.of(Square.BOTTOM_RIGHT, Square.TOP_LEFT), received.board().playedOrder());
        assertTrue(received.board().isOrderKnown());
    }

    @Test
    void aMessageOfTheVersionBeforeHasNoOrderAndIsReadAsSuch() {
        Game game = Game.invite("0b1c2d3e-0000-4000-8000-000000000006", "alice", "bob", NOW)
                .accept("bob", NOW)
                .play("alice", Square.BOTTOM_RIGHT, NOW);
        byte[] message = GameChangeMessages.encode(new GameChanged(game, false));
        // The version before ended with the squares: this message without its last field.
        int orderField = 2 + "BottomRight".length();
        byte[] before = Arrays.copyOf(message, message.length - orderField);

        Game received = GameChangeMessages.decode(before).game();

        assertEquals(game, received);
        assertFalse(received.board().isOrderKnown());
    }

    @Test
    void aResignedGameKeepsHowItEndedAndAMessageOfAnEarlierVersionStillReads() {
        Game playing = Game.invite("0b1c2d3e-0000-4000-8000-000000000005", "alice", "bob", NOW)
                .accept("bob", NOW)
                .play("alice", Square.TOP_LEFT, NOW.plusSeconds(5));
        Game resigned = playing.resign("bob", NOW.plusSeconds(9));

        assertEquals(
                resigned,
                GameChangeMessages.decode(GameChangeMessages.encode(new GameChanged(resigned, false)))
                        .game());

        // An earlier version's message ends after the board: no turn time, no ending.
        byte[] message = GameChangeMessages.encode(new GameChanged(playing, false));
        byte[] earlier = Arrays.copyOf(
                message,
                message.length - (2 + 1 + playing.turnSince().toString().length() + 1) - (2 + "TopLeft".length()));
        Game received = GameChangeMessages.decode(earlier).game();
        assertEquals(playing.board(), received.board());
        assertEquals(null, received.turnSince());
    }
}
