package com.tictactoe.domain;

import java.util.Locale;

/**
 * How a game ended when it was not played to a line or a full board: the winner is the other
 * player of the one who left it.
 */
public enum Ending {
    /** The loser gave up. */
    RESIGNED,
    /** The winner claimed it after the loser had long enough to move and did not. */
    CLAIMED,
    /** Nobody claimed it, and the loser's time ran out. */
    TIMED_OUT;

    /** The key of the web's texts telling it, e.g. {@code ending.resigned}, then {@code .you} or {@code .other}. */
    public String key() {
        return "ending." + name().toLowerCase(Locale.ROOT);
    }
}
