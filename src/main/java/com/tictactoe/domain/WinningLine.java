package com.tictactoe.domain;

import static com.tictactoe.domain.Square.*;

import java.util.List;
import java.util.Optional;

/** The eight lines that win the game when one mark holds all three of their squares. */
public enum WinningLine {
    TOP_ROW(TOP_LEFT, TOP_MIDDLE, TOP_RIGHT),
    MIDDLE_ROW(MIDDLE_LEFT, MIDDLE_MIDDLE, MIDDLE_RIGHT),
    BOTTOM_ROW(BOTTOM_LEFT, BOTTOM_MIDDLE, BOTTOM_RIGHT),
    LEFT_COLUMN(TOP_LEFT, MIDDLE_LEFT, BOTTOM_LEFT),
    MIDDLE_COLUMN(TOP_MIDDLE, MIDDLE_MIDDLE, BOTTOM_MIDDLE),
    RIGHT_COLUMN(TOP_RIGHT, MIDDLE_RIGHT, BOTTOM_RIGHT),
    DIAGONAL(TOP_LEFT, MIDDLE_MIDDLE, BOTTOM_RIGHT),
    ANTI_DIAGONAL(TOP_RIGHT, MIDDLE_MIDDLE, BOTTOM_LEFT);

    private final List<Square> squares;

    WinningLine(Square a, Square b, Square c) {
        this.squares = List.of(a, b, c);
    }

    public List<Square> squares() {
        return squares;
    }

    public boolean contains(Square square) {
        return squares.contains(square);
    }

    /** The mark that holds the whole line on this board, if any. */
    public Optional<Mark> heldBy(Board board) {
        Optional<Mark> first = board.markAt(squares.get(0));
        if (first.isPresent()
                && first.equals(board.markAt(squares.get(1)))
                && first.equals(board.markAt(squares.get(2)))) {
            return first;
        }
        return Optional.empty();
    }
}
