package com.tictactoe.domain;

import java.io.Serializable;

/** A player's record: a row of the leaderboard, or of a head-to-head list (then against that player). */
public record Standing(String player, WinLossDraw record) implements Serializable {}
