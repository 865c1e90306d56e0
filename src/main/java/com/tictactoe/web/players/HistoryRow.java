package com.tictactoe.web.players;

import com.tictactoe.domain.GameSummary;
import com.tictactoe.web.Texts;
import java.io.Serializable;
import java.util.Date;
import java.util.Locale;

/** One finished game on a player's page, as that player fared. (EL reads getters, not record accessors.) */
public record HistoryRow(String gameId, String opponent, String when, String outcome, String outcomeClass)
        implements Serializable {

    static HistoryRow of(GameSummary game, String player, Texts texts) {
        String outcome = game.outcomeFor(player).map(Enum::name).orElseThrow();
        return new HistoryRow(
                game.gameId(),
                game.opponentOf(player),
                texts.get("when.date", Date.from(game.statusDate().date())),
                texts.get("outcome." + outcome.toLowerCase(Locale.ROOT)),
                outcome.toLowerCase(Locale.ROOT));
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

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeClass() {
        return outcomeClass;
    }
}
