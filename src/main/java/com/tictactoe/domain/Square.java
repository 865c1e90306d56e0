package com.tictactoe.domain;

import java.util.Optional;

/**
 * The nine squares. Each has an id by which pages and clients name it (the storage's attribute
 * names are the infrastructure's, see SquareAttributes) (what a player reads is the web's text {@code square.<id>}).
 */
public enum Square {
    TOP_LEFT("TopLeft"),
    TOP_MIDDLE("TopMiddle"),
    TOP_RIGHT("TopRight"),
    MIDDLE_LEFT("MiddleLeft"),
    MIDDLE_MIDDLE("MiddleMiddle"),
    MIDDLE_RIGHT("MiddleRight"),
    BOTTOM_LEFT("BottomLeft"),
    BOTTOM_MIDDLE("BottomMiddle"),
    BOTTOM_RIGHT("BottomRight");

    private final String id;

    Square(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public int row() {
        return ordinal() / 3;
    }

    public int column() {
        return ordinal() % 3;
    }

    /** Only the nine exact ids are squares; anything else a client sends is not. */
    public static Optional<Square> fromId(String name) {
        if (name != null) {
            for (Square square : values()) {
                if (square.id.equals(name)) {
                    return Optional.of(square);
                }
            }
        }
        return Optional.empty();
    }
}
