package com.tictactoe.web.accounts;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@value #MAX_PER_PLAYER} sessions per player on this server; a new one signs the oldest
 * out, which the container then expires.
 * Only a sign-in makes a session, but a client that keeps no session cookie and sends its sign-in
 * cookie makes one with every request (SignInFilter signs it in again each time), and each could
 * hold game views until it expires. With this bound what sessions hold grows with the number of
 * players, which the sign-up limits bound, not with the number of requests. A person with more
 * devices than that open at once signs in again on the oldest.
 */
@WebListener
public class SessionsPerPlayer implements HttpSessionAttributeListener {

    public static final int MAX_PER_PLAYER = 10;

    private final Map<String, Deque<HttpSession>> byPlayer = new ConcurrentHashMap<>();

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (PlayerSession.ATTRIBUTE.equals(event.getName())) {
            add((String) event.getValue(), event.getSession());
        }
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        if (PlayerSession.ATTRIBUTE.equals(event.getName())) {
            remove((String) event.getValue(), event.getSession());
            add((String) event.getSession().getAttribute(PlayerSession.ATTRIBUTE), event.getSession());
        }
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (PlayerSession.ATTRIBUTE.equals(event.getName())) {
            remove((String) event.getValue(), event.getSession());
        }
    }

    private void add(String player, HttpSession session) {
        if (player == null) {
            return;
        }
        List<HttpSession> evicted = new ArrayList<>();
        byPlayer.compute(player, (name, sessions) -> {
            Deque<HttpSession> held = sessions == null ? new ArrayDeque<>() : sessions;
            held.remove(session);
            held.addLast(session);
            while (held.size() > MAX_PER_PLAYER) {
                evicted.add(held.removeFirst());
            }
            return held;
        });
        // Outside compute: removing the attribute calls this listener back for the same player.
        for (HttpSession oldest : evicted) {
            end(oldest);
        }
    }

    /**
     * Signed out at once, and left for the container to expire: invalidating another session from
     * this request would make Weld end this request's own session context with it.
     */
    private static void end(HttpSession session) {
        try {
            session.removeAttribute(PlayerSession.ATTRIBUTE);
            session.setMaxInactiveInterval(1);
        } catch (IllegalStateException alreadyEnded) {
            // ended by itself meanwhile
        }
    }

    private void remove(String player, HttpSession session) {
        byPlayer.computeIfPresent(player, (name, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
