package com.tictactoe.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A player's wins, losses and draws over all finished games, and against each opponent.
 *
 * @param headToHead one standing per opponent met, as the player fared against them, by name
 */
public record PlayerRecord(String player, WinLossDraw overall, List<Standing> headToHead) implements Serializable {

    public PlayerRecord {
        headToHead = List.copyOf(headToHead);
    }

    public static PlayerRecord none(String player) {
        return new PlayerRecord(player, WinLossDraw.NONE, List.of());
    }
}
