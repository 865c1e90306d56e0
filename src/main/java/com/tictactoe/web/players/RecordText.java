package com.tictactoe.web.players;

import com.tictactoe.domain.Standing;
import com.tictactoe.domain.WinLossDraw;
import java.io.Serializable;

/** A player and their wins, losses and draws, for a table row. (EL reads getters.) */
public record RecordText(String player, long wins, long losses, long draws) implements Serializable {

    static RecordText of(Standing standing) {
        WinLossDraw record = standing.record();
        return new RecordText(standing.player(), record.wins(), record.losses(), record.draws());
    }

    public String getPlayer() {
        return player;
    }

    public long getWins() {
        return wins;
    }

    public long getLosses() {
        return losses;
    }

    public long getDraws() {
        return draws;
    }
}
