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
    INVALID_USER_ID("That is not a valid username.");

    private final String message;

    Rejection(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
