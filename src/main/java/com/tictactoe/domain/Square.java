package com.tictactoe.domain;

import java.util.Optional;

/**
 * The nine squares. Each has an id by which pages and clients name it (the storage's attribute
 * names are the infrastructure's, see SquareAttributes) and a label for people.
 */
public enum Square {
    TOP_LEFT("TopLeft", "Top left"),
    TOP_MIDDLE("TopMiddle", "Top middle"),
    TOP_RIGHT("TopRight", "Top right"),
    MIDDLE_LEFT("MiddleLeft", "Middle left"),
    MIDDLE_MIDDLE("MiddleMiddle", "Centre"),
    MIDDLE_RIGHT("MiddleRight", "Middle right"),
    BOTTOM_LEFT("BottomLeft", "Bottom left"),
    BOTTOM_MIDDLE("BottomMiddle", "Bottom middle"),
    BOTTOM_RIGHT("BottomRight", "Bottom right");

    private final String id;
    private final String label;

    Square(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** Human-readable name, used for accessible labels. */
    public String label() {
        return label;
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
