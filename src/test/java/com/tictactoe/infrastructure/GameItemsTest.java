package com.tictactoe.infrastructure;

import static com.tictactoe.domain.Square.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.Square;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Games to items and back: the order of play in its own attribute, beside the original's. */
class GameItemsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T21:00:00.123456Z");

    private static Game played(Square... squares) {
        Game game = Game.invite("0b1c2d3e-0000-4000-8000-00000000000c", "alice", "bob", NOW)
                .accept("bob", NOW);
        for (Square square : squares) {
            game = game.play(game.turn(), square, NOW);
        }
        return game;
    }

    @Test
    void theOrderOfPlayIsStoredAsTheSquaresAttributeNamesAndReadBack() {
        Game game = played(MIDDLE_MIDDLE, TOP_LEFT, BOTTOM_RIGHT);
        Map<String, AttributeValue> item = GameItems.toItem(game);

        assertEquals(AttributeValue.fromS("MiddleMiddle TopLeft BottomRight"), item.get("Moves"));
        Game read = GameItems.toGame(item);
        assertEquals(game, read);
        assertEquals(
                List.of(MIDDLE_MIDDLE, TOP_LEFT, BOTTOM_RIGHT), read.board().playedOrder());
        assertTrue(read.board().isOrderKnown());
    }

    @Test
    void aGameWithoutMovesHasNoMovesAttribute() {
        assertFalse(GameItems.toItem(played()).containsKey("Moves"));
    }

    @Test
    void anItemOfTheOriginalHasNoOrderAndOneItMovedOnHasPartOfIt() {
        Map<String, AttributeValue> item = new HashMap<>(GameItems.toItem(played(MIDDLE_MIDDLE, TOP_LEFT)));
        item.remove("Moves");
        Game original = GameItems.toGame(item);
        assertEquals(List.of(), original.board().playedOrder());
        assertFalse(original.board().isOrderKnown());

        // One move of the original after one of this app: the square, but not the order.
        item.put("Moves", AttributeValue.fromS("MiddleMiddle"));
        Game partly = GameItems.toGame(item);
        assertEquals(List.of(MIDDLE_MIDDLE), partly.board().playedOrder());
        assertFalse(partly.board().isOrderKnown());
        assertEquals(original, partly, "the same marks: the same game to a move's condition");
    }

    @Test
    void namesThatAreNoSquaresAreLeftOutAndLeaveTheOrderUnknown() {
        Map<String, AttributeValue> item = new HashMap<>(GameItems.toItem(played(MIDDLE_MIDDLE, TOP_LEFT)));
        item.put("Moves", AttributeValue.fromS("MiddleMiddle  Centre"));
        Game read = GameItems.toGame(item);
        assertEquals(List.of(MIDDLE_MIDDLE), read.board().playedOrder());
        assertFalse(read.board().isOrderKnown());
    }
}
