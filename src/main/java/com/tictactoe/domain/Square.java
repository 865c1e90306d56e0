package com.tictactoe.domain;

import java.util.Optional;

/**
 * The nine squares. The attribute name is the DynamoDB attribute that holds the square's mark,
 * exactly as the original application named it.
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

    private final String attributeName;
    private final String label;

    Square(String attributeName, String label) {
        this.attributeName = attributeName;
        this.label = label;
    }

    public String attributeName() {
        return attributeName;
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

    /** Only the nine exact attribute names are squares; anything else a client sends is not. */
    public static Optional<Square> fromAttributeName(String name) {
        if (name != null) {
            for (Square square : values()) {
                if (square.attributeName.equals(name)) {
                    return Optional.of(square);
                }
            }
        }
        return Optional.empty();
    }
}
