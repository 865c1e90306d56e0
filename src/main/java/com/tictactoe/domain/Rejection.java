package com.tictactoe.domain;

import java.util.Locale;

/** Why a request was refused. What a player reads is the web's text of its {@link #key()}. */
public enum Rejection {
    NO_SUCH_GAME,
    NOT_A_PLAYER,
    NOT_INVITED,
    NOT_HOST,
    NOT_PENDING,
    /** The invitation was open for {@link InvitationLifetime}, and that time is over. */
    INVITATION_EXPIRED,
    /** The challenge link was open for its lifetime, and that time is over. */
    CHALLENGE_EXPIRED,
    /** Someone else accepted the challenge first. */
    CHALLENGE_TAKEN,
    /** The host tried to accept their own challenge. */
    OWN_CHALLENGE,
    NOT_IN_PROGRESS,
    NOT_YOUR_TURN,
    SQUARE_TAKEN,
    INVALID_SQUARE,
    BOARD_CHANGED,
    /** A claim by the player whose turn it is: they can move instead. */
    CLAIM_ON_YOUR_TURN,
    /** The opponent has not had the turn long enough yet, or since when is not known. */
    CLAIM_TOO_EARLY,
    /** Only for the sweep: the game's player to move still has time. */
    NOT_STALLED,
    OPPONENT_REQUIRED,
    SELF_INVITATION,
    /** Told with the name as typed. */
    NO_SUCH_PLAYER,
    TOO_MANY_SENT(InvitationLimits.PER_INVITER),
    TOO_MANY_RECEIVED(InvitationLimits.PER_INVITEE);

    private final Object[] arguments;

    Rejection(Object... arguments) {
        this.arguments = arguments;
    }

    /** The key of the player's text in the web's bundle, e.g. {@code rejection.not_your_turn}. */
    public String key() {
        return "rejection." + name().toLowerCase(Locale.ROOT);
    }

    /** What the text says beyond the reason: the limit that was reached. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
