package com.tictactoe.web.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnGateTest {

    private static final String PLAYER = "alice";

    @Test
    void movesGoFirstAndTheLobbysScriptedFormsTakeAPagesTurn() {
        assertEquals(Optional.of(Turns.Kind.MOVE), kindOf(PLAYER, "POST", "/api", "/games/g-1/moves/TopLeft"));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf(PLAYER, "POST", "/api", "/invitations"));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf(PLAYER, "POST", "/api", "/games/g-1/acceptance"));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf(PLAYER, "GET", "/game.xhtml", null));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf(PLAYER, "POST", "/index.xhtml", null));
    }

    /** Without a player's session, a move or a page is a visitor's, which comes after the players' (Turns). */
    @Test
    void whatAClientWithoutAPlayersSessionSendsIsAVisitorsWhateverItAsksFor() {
        assertEquals(Optional.of(Turns.Kind.VISITOR), kindOf(null, "POST", "/api", "/games/g-1/moves/TopLeft"));
        assertEquals(Optional.of(Turns.Kind.VISITOR), kindOf(null, "POST", "/api", "/invitations"));
        assertEquals(Optional.of(Turns.Kind.VISITOR), kindOf(null, "GET", "/signin.xhtml", null));
        assertEquals(Optional.of(Turns.Kind.VISITOR), kindOf(null, "POST", "/signup.xhtml", null));
        assertEquals(Optional.of(Turns.Kind.VISITOR), kindOf(null, "GET", "/game.xhtml", null));
    }

    @Test
    void pollsAndEverythingElseTakeNoTurn() {
        for (String player : new String[] {PLAYER, null}) {
            assertEquals(Optional.empty(), kindOf(player, "GET", "/api", "/games/g-1/version"));
            assertEquals(Optional.empty(), kindOf(player, "GET", "/api", "/me/changes"));
            assertEquals(Optional.empty(), kindOf(player, "GET", "/assets/app.js", null));
            assertEquals(Optional.empty(), kindOf(player, "GET", "/jakarta.faces.push/updates", null));
        }
    }

    /** A script's call that waited too long is answered as the API answers every refusal, not with the busy page. */
    @Test
    void anApiCallWithoutATurnIsAnsweredBusyInJson() throws Exception {
        for (Turns.Kind kind : Turns.Kind.values()) {
            Map<String, Object> answered = new HashMap<>();
            StringWriter body = new StringWriter();
            HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                    TurnGateTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, called, args) -> {
                        switch (called.getName()) {
                            case "setStatus" -> answered.put("status", args[0]);
                            case "setHeader" -> answered.put((String) args[0], args[1]);
                            case "setContentType" -> answered.put("type", args[0]);
                            case "getWriter" -> {
                                return new PrintWriter(body, true);
                            }
                            default -> {}
                        }
                        return null;
                    });
            TurnGate.answerBusy(request(PLAYER, "POST", "/api", "/invitations"), response, kind);
            assertEquals(503, answered.get("status"), kind.name());
            assertEquals("5", answered.get("Retry-After"));
            assertEquals("application/json", answered.get("type"));
            assertTrue(
                    body.toString().startsWith("{\"error\":\"The game server is busy right now.")
                            && body.toString().contains("\"status\":503"),
                    body.toString());
        }
    }

    /**
     * The unit tests' JVM has the server's scheduling options (surefire's argLine): where it may raise
     * a priority again, a page let through runs lowered, a move at the thread's own priority.
     */
    @Test
    void throughTheGateAPageRunsLoweredAndAMoveAtTheThreadsOwnPriority() throws Exception {
        assumeTrue(PagePriority.available(), "this JVM cannot lower a thread's priority and raise it again");
        TurnGate gate = new TurnGate();
        gate.init();
        int own = PagePriority.ownNice().orElseThrow();
        Map<String, Integer> seen = new HashMap<>();
        gate.doFilter(
                request(PLAYER, "GET", "/lobby.xhtml", null),
                null,
                (request, response) -> seen.put("page", PagePriority.ownNice().orElseThrow()));
        gate.doFilter(
                request(PLAYER, "POST", "/api", "/games/g-1/moves/TopLeft"),
                null,
                (request, response) -> seen.put("move", PagePriority.ownNice().orElseThrow()));
        assertTrue(seen.get("page") > own, "a page lowered: " + seen + " against " + own);
        assertEquals(own, seen.get("move"), "a move at the thread's own");
        assertEquals(own, PagePriority.ownNice().orElseThrow(), "back after the page");
    }

    private static Optional<Turns.Kind> kindOf(String player, String method, String servletPath, String pathInfo) {
        return TurnGate.kindOf(request(player, method, servletPath, pathInfo));
    }

    /**
     * A request with that method and path, in English, whose attributes are kept; in a session of
     * {@code player}, or without a session if that is null.
     */
    private static HttpServletRequest request(String player, String method, String servletPath, String pathInfo) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("getMethod", method);
        answers.put("getServletPath", servletPath);
        answers.put("getPathInfo", pathInfo);
        answers.put(
                "getSession",
                player == null
                        ? null
                        : Proxy.newProxyInstance(
                                TurnGateTest.class.getClassLoader(),
                                new Class<?>[] {HttpSession.class},
                                (proxy, called, args) -> "getAttribute".equals(called.getName()) ? player : null));
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                TurnGateTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getLocales" -> Collections.enumeration(List.of(Locale.ENGLISH));
                    case "getLocale" -> Locale.ENGLISH;
                    default -> answers.get(called.getName());
                });
    }
}
