package com.tictactoe.domain;

import java.util.List;

/**
 * Everything a player's home page lists, each list newest first. Games in progress and finished
 * games are the ten newest; invitations received and sent are all open ones up to the limits of
 * {@link InvitationLimits}, so they are complete unless limits were overrun (by a race, or by items
 * the original app wrote): then {@code moreInvitations} or {@code moreSent} says older ones exist.
 */
public record Lobby(List<GameSummary> invitations, boolean moreInvitations,
                    List<GameSummary> sentInvitations, boolean moreSent,
                    List<GameSummary> inProgress, List<GameSummary> finished) {

    public Lobby {
        invitations = List.copyOf(invitations);
        sentInvitations = List.copyOf(sentInvitations);
        inProgress = List.copyOf(inProgress);
        finished = List.copyOf(finished);
    }
}
