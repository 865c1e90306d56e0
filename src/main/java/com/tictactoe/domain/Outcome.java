package com.tictactoe.domain;

/** A finished game as one player sees it. */
public enum Outcome {
    WIN,
    LOSS,
    DRAW
}
