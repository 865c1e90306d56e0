package com.tictactoe.web.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnGateTest {

    @Test
    void movesGoFirstAndTheLobbysScriptedFormsTakeAPagesTurn() {
        assertEquals(Optional.of(Turns.Kind.MOVE), kindOf("POST", "/api", "/games/g-1/moves/TopLeft"));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf("POST", "/api", "/invitations"));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf("POST", "/api", "/games/g-1/acceptance"));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf("GET", "/game.xhtml", null));
        assertEquals(Optional.of(Turns.Kind.PAGE), kindOf("POST", "/index.xhtml", null));
    }

    @Test
    void pollsAndEverythingElseTakeNoTurn() {
        assertEquals(Optional.empty(), kindOf("GET", "/api", "/games/g-1/version"));
        assertEquals(Optional.empty(), kindOf("GET", "/api", "/me/changes"));
        assertEquals(Optional.empty(), kindOf("GET", "/assets/app.js", null));
        assertEquals(Optional.empty(), kindOf("GET", "/jakarta.faces.push/updates", null));
    }

    private static Optional<Turns.Kind> kindOf(String method, String servletPath, String pathInfo) {
        Map<String, String> answers = new java.util.HashMap<>();
        answers.put("getMethod", method);
        answers.put("getServletPath", servletPath);
        answers.put("getPathInfo", pathInfo);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                TurnGateTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, called, args) -> answers.get(called.getName()));
        return TurnGate.kindOf(request);
    }
}
