package com.tictactoe.web.live;

import static com.tictactoe.domain.Square.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.Square;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a page is told of a game: enough to show a start, a move and an end played out itself. */
class GameUpdateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static Game started() {
        return Game.invite("g-1", "alice", "bob", NOW).accept("bob", NOW);
    }

    private static Game play(Square... squares) {
        Game game = started();
        for (Square square : squares) {
            game = game.play(game.turn(), square, NOW);
        }
        return game;
    }

    @Test
    void anInvitationCarriesItsHostAndGuestForTheGuestsLobby() {
        Game invitation = Game.invite("g-1", "alice", "bob", NOW);
        assertEquals(
                Map.of("game", "g-1", "version", invitation.progress(), "host", "alice", "guest", "bob"),
                GameUpdate.of(invitation));
    }

    @Test
    void aChallengeNobodyTookIsOnlyItsIdAndVersion() {
        Game challenge = Game.challenge("g-2", "alice", NOW);
        assertEquals(Map.of("game", "g-2", "version", challenge.progress()), GameUpdate.of(challenge));
    }

    @Test
    void theAcceptanceCarriesTheEmptyBoardAndOToMove() {
        Map<String, Object> update = GameUpdate.of(started());
        assertEquals(Map.of(), update.get("board"));
        assertEquals("O", update.get("next"));
        assertEquals(null, update.get("result"));
    }

    @Test
    void aMoveCarriesTheBoardAndTheMarkToMove() {
        Map<String, Object> update = GameUpdate.of(play(TOP_LEFT, MIDDLE_MIDDLE));
        assertEquals(Map.of("TopLeft", "O", "MiddleMiddle", "X"), update.get("board"));
        assertEquals("O", update.get("next"));
        assertEquals(null, update.get("result"));
    }

    @Test
    void aWinCarriesTheBoardTheWinnersMarkAndTheLine() {
        Game won = play(BOTTOM_LEFT, TOP_LEFT, MIDDLE_LEFT, TOP_MIDDLE, MIDDLE_RIGHT, TOP_RIGHT);
        Map<String, Object> update = GameUpdate.of(won);
        assertEquals("X", update.get("result"), "bob, who plays X, won");
        assertEquals(List.of("TopLeft", "TopMiddle", "TopRight"), update.get("line"));
        assertEquals(6, ((Map<?, ?>) update.get("board")).size());
        assertEquals(null, update.get("next"));
        assertEquals(won.progress(), update.get("version"));
    }

    @Test
    void aDrawCarriesNoLine() {
        Game drawn = play(
                TOP_LEFT,
                MIDDLE_MIDDLE,
                BOTTOM_RIGHT,
                TOP_MIDDLE,
                BOTTOM_MIDDLE,
                BOTTOM_LEFT,
                TOP_RIGHT,
                MIDDLE_RIGHT,
                MIDDLE_LEFT);
        Map<String, Object> update = GameUpdate.of(drawn);
        assertEquals(GameUpdate.DRAW, update.get("result"));
        assertEquals(List.of(), update.get("line"));
    }

    @Test
    void anEndNotPlayedOutIsReRenderedSoItCarriesNoResult() {
        Game resigned = play(TOP_LEFT).resign("bob", NOW);
        Map<String, Object> update = GameUpdate.of(resigned);
        assertEquals(Map.of("game", "g-1", "version", resigned.progress()), update);
    }
}
