package com.tictactoe.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a pending game stays open: an invitation to a named player for one lifetime, a
 * challenge to anyone (no opponent yet) for another, each set on its own. Both follow the rules of
 * {@link InvitationLifetime}; only which one applies depends on the game.
 */
public record PendingLifetimes(InvitationLifetime invitations, InvitationLifetime challenges) implements Serializable {

    public static final PendingLifetimes DEFAULT =
            new PendingLifetimes(InvitationLifetime.DEFAULT, InvitationLifetime.DEFAULT);

    public PendingLifetimes {
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(challenges, "challenges");
    }

    /** The lifetime of a pending game with this opponent: a challenge's if there is none yet. */
    public InvitationLifetime of(String opponentId) {
        return opponentId == null ? challenges : invitations;
    }

    public InvitationLifetime of(Game game) {
        return of(game.opponentId());
    }

    public boolean isExpired(GameSummary game, Instant now) {
        return of(game.opponentId()).isExpired(game.statusDate(), now);
    }

    /**
     * The earliest sending date of a pending game of either kind still open at {@code now}: a list
     * of a host's pending games, which holds both kinds, reads from here on and drops what expired
     * by its own kind's lifetime (nothing, when both lifetimes are the same).
     */
    public Instant openSince(Instant now) {
        Instant invitation = invitations.openSince(now);
        Instant challenge = challenges.openSince(now);
        return invitation.isBefore(challenge) ? invitation : challenge;
    }
}
