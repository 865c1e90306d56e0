package com.tictactoe.domain;

/** Why a request was refused, each with the message a player sees. */
public enum Rejection {
    NO_SUCH_GAME("There is no such game."),
    NOT_A_PLAYER("You are not a player in this game."),
    NOT_INVITED("Only the invited player can accept or decline this invitation."),
    NOT_HOST("Only the player who sent this invitation can cancel it."),
    NOT_PENDING("This invitation is no longer open."),
    NOT_IN_PROGRESS("This game is not in progress."),
    NOT_YOUR_TURN("It is not your turn."),
    SQUARE_TAKEN("That square is already taken."),
    INVALID_SQUARE("There is no such square."),
    BOARD_CHANGED("The board changed since you looked at it. Please look again."),
    OPPONENT_REQUIRED("Please name an opponent."),
    SELF_INVITATION("You cannot invite yourself."),
    NO_SUCH_PLAYER("There is no player by that name."),
    TOO_MANY_SENT("You have " + InvitationLimits.PER_INVITER + " open invitations already. Wait for an answer,"
            + " or cancel one, before you invite someone else."),
    TOO_MANY_RECEIVED("That player has " + InvitationLimits.PER_INVITEE + " open invitations already."
            + " Please try again once they have answered some.");

    private final String message;

    Rejection(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
