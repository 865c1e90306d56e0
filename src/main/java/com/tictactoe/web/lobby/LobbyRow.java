package com.tictactoe.web.lobby;

import com.tictactoe.domain.GameSummary;
import com.tictactoe.web.Texts;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/** One game in a lobby list, as the signed-in player sees it. (EL 5 reads getters, not record accessors.) */
public record LobbyRow(
        String gameId,
        String opponent,
        String when,
        boolean yourTurn,
        String turnText,
        String outcome,
        String outcomeClass,
        boolean challenge)
        implements Serializable {

    static LobbyRow of(GameSummary game, String me, Instant now, Texts texts) {
        String opponent = game.opponentOf(me);
        boolean yourTurn = game.isTurnOf(me);
        String outcome = game.outcomeFor(me)
                .map(o -> texts.get("outcome." + o.name().toLowerCase(Locale.ROOT)))
                .orElse("");
        String outcomeClass =
                game.outcomeFor(me).map(o -> o.name().toLowerCase()).orElse("");
        return new LobbyRow(
                game.gameId(),
                opponent,
                Dates.ago(game.statusDate().date(), now, texts),
                yourTurn,
                yourTurn ? texts.get("lobby.yourTurn") : texts.get("lobby.waitingForPlayer", opponent),
                outcome,
                outcomeClass,
                game.isChallenge());
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

    /** One of the player's open challenges: no opponent yet, a link instead. */
    public boolean isChallenge() {
        return challenge;
    }
}
