package com.tictactoe.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the API's servlet reads a path and an Accept header, and which endpoint a path finds. */
class ApiServletTest {

    private static ApiServlet.Route route(String method, String path) {
        return new ApiServlet.Route(new ApiEndpoint() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public ApiAnswer answer(ApiCall call) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Test
    void aPathIsSplitIntoItsSegments() {
        assertEquals(List.of(), ApiServlet.segments(null));
        assertEquals(List.of(), ApiServlet.segments("/"));
        assertEquals(List.of("games", "g-1", "version"), ApiServlet.segments("/games/g-1/version"));
        assertEquals(List.of("games", "", "version"), ApiServlet.segments("/games//version"));
        assertEquals(List.of("me", "changes", ""), ApiServlet.segments("/me/changes/"));
    }

    @Test
    void variableSegmentsTakeAnyValueButNone() {
        ApiServlet.Route moves = route("POST", "games/*/moves/*");
        List<String> move = ApiServlet.segments("/games/g-1/moves/TopLeft");
        assertTrue(moves.matches(move));
        assertEquals(List.of("g-1", "TopLeft"), moves.values(move));
        assertFalse(moves.matches(ApiServlet.segments("/games//moves/TopLeft")));
        assertFalse(moves.matches(ApiServlet.segments("/games/g-1/moves")));
        assertFalse(moves.matches(ApiServlet.segments("/games/g-1/moves/TopLeft/again")));
        assertFalse(moves.matches(ApiServlet.segments("/games/g-1/version")));
    }

    @Test
    void fixedSegmentsMatchExactly() {
        ApiServlet.Route changes = route("GET", "me/changes");
        assertTrue(changes.matches(ApiServlet.segments("/me/changes")));
        assertEquals(List.of(), changes.values(ApiServlet.segments("/me/changes")));
        assertFalse(changes.matches(ApiServlet.segments("/me/Changes")));
        assertFalse(changes.matches(ApiServlet.segments("/me/changes/")));
        assertFalse(changes.matches(ApiServlet.segments("/you/changes")));
    }

    @Test
    void anAnswerInJsonIsAcceptedUnlessTheClientRefusesIt() {
        assertTrue(ApiServlet.acceptsJson(null));
        assertTrue(ApiServlet.acceptsJson(""));
        assertTrue(ApiServlet.acceptsJson("*/*"));
        assertTrue(ApiServlet.acceptsJson("application/json"));
        assertTrue(ApiServlet.acceptsJson("text/html, application/JSON;q=0.9"));
        assertTrue(ApiServlet.acceptsJson("text/plain, application/*"));
        assertFalse(ApiServlet.acceptsJson("text/html"));
        assertFalse(ApiServlet.acceptsJson("application/xml, text/*"));
    }
}
