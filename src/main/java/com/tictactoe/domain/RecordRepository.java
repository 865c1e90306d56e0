package com.tictactoe.domain;

import java.util.List;

/**
 * Where players' records are kept. They are written only together with the write that finishes a
 * game ({@link GameRepository#move}, {@link GameRepository#end}), in the same atomic call, so they
 * count every finished game exactly once; this interface only reads them.
 */
public interface RecordRepository {

    /** The player's totals only, read consistently; {@link WinLossDraw#NONE} if they never finished a game. */
    WinLossDraw totalsOf(String player);

    /** The totals and the head-to-head against every opponent, read consistently. */
    PlayerRecord recordOf(String player);

    /** The best {@code count} players by {@link Ranking}, best first. */
    List<Standing> leaders(int count);
}
