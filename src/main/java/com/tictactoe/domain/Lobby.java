package com.tictactoe.domain;

import java.util.List;

/** Everything a player's home page lists; each list newest first, at most ten long. */
public record Lobby(List<GameSummary> invitations, List<GameSummary> sentInvitations,
                    List<GameSummary> inProgress, List<GameSummary> finished) {

    public Lobby {
        invitations = List.copyOf(invitations);
        sentInvitations = List.copyOf(sentInvitations);
        inProgress = List.copyOf(inProgress);
        finished = List.copyOf(finished);
    }
}
