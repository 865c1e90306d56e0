package com.tictactoe.domain;

/** The two marks a square can hold; the stored value is the enum name ("O" or "X"). */
public enum Mark {
    O,
    X;

    public Mark other() {
        return this == O ? X : O;
    }
}
