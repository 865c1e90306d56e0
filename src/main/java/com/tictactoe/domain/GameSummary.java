package com.tictactoe.domain;

import java.io.Serializable;
import java.util.Optional;

/**
 * What a list of games shows of each: the players, the status and date, and whose turn it is or
 * how it ended. Unlike {@link Game} it carries no board.
 *
 * @param opponentId the other player; {@code null} for an open challenge (see {@link Game#challenge})
 * @param turn   the player to move while in progress, otherwise {@code null}
 * @param result the winner's id once a game is won; {@code null} until then, and for a draw
 */
public record GameSummary(
        String gameId, String hostId, String opponentId, StatusDate statusDate, String turn, String result)
        implements Serializable {

    public GameStatus status() {
        return statusDate.status();
    }

    /** An open challenge: no opponent yet. */
    public boolean isChallenge() {
        return opponentId == null;
    }

    public String opponentOf(String userId) {
        return hostId.equals(userId) ? opponentId : hostId;
    }

    public boolean isTurnOf(String userId) {
        return status() == GameStatus.IN_PROGRESS && userId.equals(turn);
    }

    public GameSummary withTurn(String newTurn) {
        return new GameSummary(gameId, hostId, opponentId, statusDate, newTurn, result);
    }

    public Optional<Outcome> outcomeFor(String userId) {
        if (status() != GameStatus.FINISHED) {
            return Optional.empty();
        }
        if (result == null) {
            return Optional.of(Outcome.DRAW);
        }
        return Optional.of(userId.equals(result) ? Outcome.WIN : Outcome.LOSS);
    }
}
