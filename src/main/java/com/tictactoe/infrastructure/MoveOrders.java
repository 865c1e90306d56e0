package com.tictactoe.infrastructure;

import com.tictactoe.domain.Square;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The order of play as the item's {@link GamesTable#MOVES} holds it: the squares' attribute names,
 * separated by spaces: a string, as every attribute of the original's items is, and smaller than
 * a list of them.
 */
final class MoveOrders {

    private static final String SEPARATOR = " ";

    private MoveOrders() {}

    static String format(List<Square> order) {
        return order.stream().map(SquareAttributes::of).collect(Collectors.joining(SEPARATOR));
    }

    /**
     * The squares a stored value names, in their order. A name that is no square is left out, so
     * the order read is shorter than the board's marks and the game is not replayed: such a value
     * was not written by this app.
     */
    static List<Square> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Square> order = new ArrayList<>();
        for (String name : value.trim().split(SEPARATOR + "+")) {
            SquareAttributes.square(name).ifPresent(order::add);
        }
        return List.copyOf(order);
    }

    /** The value to store for {@code order}; none for an empty order, which is stored as no attribute. */
    static Optional<String> value(List<Square> order) {
        return order.isEmpty() ? Optional.empty() : Optional.of(format(order));
    }
}
