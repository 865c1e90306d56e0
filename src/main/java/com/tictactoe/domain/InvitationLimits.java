package com.tictactoe.domain;

/**
 * How many invitations may be open (pending) at once: a game rule, so that no player can bury
 * another's invitations under a flood of their own, and so that a lobby can show every invitation
 * a player has. One inviter holds at most one open invitation to the same invitee: inviting again
 * answers with the open one.
 */
public final class InvitationLimits {

    /** Open invitations one player may have sent. */
    public static final int PER_INVITER = 10;

    /** Open invitations that may wait for one player; twice {@link #PER_INVITER}, so no one inviter fills them. */
    public static final int PER_INVITEE = 20;

    private InvitationLimits() {}
}
