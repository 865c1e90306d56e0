package com.tictactoe.infrastructure;

import com.tictactoe.domain.Square;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The attribute that holds each square's mark in a game item, exactly as the original named them. */
public final class SquareAttributes {

    private static final Map<Square, String> NAMES = new EnumMap<>(Map.of(
            Square.TOP_LEFT, "TopLeft",
            Square.TOP_MIDDLE, "TopMiddle",
            Square.TOP_RIGHT, "TopRight",
            Square.MIDDLE_LEFT, "MiddleLeft",
            Square.MIDDLE_MIDDLE, "MiddleMiddle",
            Square.MIDDLE_RIGHT, "MiddleRight",
            Square.BOTTOM_LEFT, "BottomLeft",
            Square.BOTTOM_MIDDLE, "BottomMiddle",
            Square.BOTTOM_RIGHT, "BottomRight"));

    private SquareAttributes() {}

    public static String of(Square square) {
        return NAMES.get(square);
    }

    /** The square an attribute name stands for; empty for any other name. */
    public static Optional<Square> square(String attribute) {
        return NAMES.entrySet().stream()
                .filter(entry -> entry.getValue().equals(attribute))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
