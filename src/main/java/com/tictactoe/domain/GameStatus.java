package com.tictactoe.domain;

/** A game's life cycle: PENDING -> IN_PROGRESS -> FINISHED. A declined or cancelled game is deleted. */
public enum GameStatus {
    PENDING,
    IN_PROGRESS,
    FINISHED
}
