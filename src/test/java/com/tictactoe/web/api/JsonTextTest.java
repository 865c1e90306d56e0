package com.tictactoe.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the API answers with, as a browser's JSON.parse reads it. */
class JsonTextTest {

    enum Status {
        IN_PROGRESS
    }

    @Test
    void aGameUpdateKeepsItsFieldsInOrder() {
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("TopLeft", "O");
        board.put("Center", "X");
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("game", "g-1");
        update.put("version", 3);
        update.put("board", board);
        update.put("line", List.of("TopLeft", "Center", "BottomRight"));
        update.put("over", false);
        update.put("status", Status.IN_PROGRESS);
        assertEquals(
                "{\"game\":\"g-1\",\"version\":3,\"board\":{\"TopLeft\":\"O\",\"Center\":\"X\"},"
                        + "\"line\":[\"TopLeft\",\"Center\",\"BottomRight\"],\"over\":false,\"status\":\"IN_PROGRESS\"}",
                JsonText.of(update));
    }

    @Test
    void emptyAndMissingValues() {
        assertEquals("{}", JsonText.of(Map.of()));
        assertEquals("[]", JsonText.of(List.of()));
        assertEquals("[null,1.5,9000000000]", JsonText.of(Arrays.asList(null, 1.5, 9_000_000_000L)));
    }

    @Test
    void textIsEscapedSoThatNoAnswerBreaksOutOfItsString() {
        assertEquals(
                "\"say \\\"hi\\\" \\\\ \\n\\t\\u0001 \\u003c/script\\u003e \\u0026 \\u2028 Zoë\"",
                JsonText.of("say \"hi\" \\ \n\t\u0001 </script> & \u2028 Zoë"));
    }

    @Test
    void valuesJsonCannotHoldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonText.of(Map.of(1, "one")));
        assertThrows(IllegalArgumentException.class, () -> JsonText.of(new Object()));
    }
}
