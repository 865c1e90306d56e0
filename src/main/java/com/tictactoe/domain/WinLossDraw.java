package com.tictactoe.domain;

import java.io.Serializable;

/** How many games a player won, lost and drew: overall, or against one opponent. */
public record WinLossDraw(long wins, long losses, long draws) implements Serializable {

    public static final WinLossDraw NONE = new WinLossDraw(0, 0, 0);

    public long games() {
        return wins + losses + draws;
    }

    /** This record with one more game of that outcome: what finishing a game adds. */
    public WinLossDraw plus(Outcome outcome) {
        return switch (outcome) {
            case WIN -> new WinLossDraw(wins + 1, losses, draws);
            case LOSS -> new WinLossDraw(wins, losses + 1, draws);
            case DRAW -> new WinLossDraw(wins, losses, draws + 1);
        };
    }
}
