package com.tictactoe.web.lobby;

import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Outcome;
import java.io.Serializable;
import java.time.Instant;

/** One game in a lobby list, as the signed-in player sees it. (EL 5 reads getters, not record accessors.) */
public record LobbyRow(
        String gameId,
        String opponent,
        String when,
        boolean yourTurn,
        String turnText,
        String outcome,
        String outcomeClass)
        implements Serializable {

    static LobbyRow of(GameSummary game, String me, Instant now) {
        String opponent = game.opponentOf(me);
        boolean yourTurn = game.isTurnOf(me);
        String outcome = game.outcomeFor(me).map(LobbyRow::label).orElse("");
        String outcomeClass =
                game.outcomeFor(me).map(o -> o.name().toLowerCase()).orElse("");
        return new LobbyRow(
                game.gameId(),
                opponent,
                Dates.ago(game.statusDate().date(), now),
                yourTurn,
                yourTurn ? "Your turn" : "Waiting for " + opponent,
                outcome,
                outcomeClass);
    }

    public String getGameId() {
        return gameId;
    }

    public String getOpponent() {
        return opponent;
    }

    public String getWhen() {
        return when;
    }

    public boolean isYourTurn() {
        return yourTurn;
    }

    public String getTurnText() {
        return turnText;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeClass() {
        return outcomeClass;
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case WIN -> "Win";
            case LOSS -> "Loss";
            case DRAW -> "Draw";
        };
    }
}
