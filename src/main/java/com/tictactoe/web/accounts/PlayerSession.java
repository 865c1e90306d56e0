package com.tictactoe.web.accounts;

import com.tictactoe.web.FormToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Who is signed in, kept as one plain attribute of the HTTP session.
 *
 * <p>Why not Jakarta Security's form mechanism: on Payara 6.2025.10 every request then passes
 * through Payara's Jakarta Authentication bridge, which shares mutable security state between
 * threads (Payara bug FISH-7515) and so answers HTTP 403 to signed-in players at random as soon as
 * a few play at once. A session attribute is read by this thread alone, and, being a plain
 * String, travels with the session to any other server that holds it.
 */
public final class PlayerSession {

    static final String ATTRIBUTE = "tictactoe.player";

    private PlayerSession() {}

    public static Optional<String> playerOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** Signs the player in on a session id that nobody could have planted before. */
    public static void signIn(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        HttpSession signedIn = request.getSession(true);
        signedIn.setAttribute(ATTRIBUTE, username);
        signedIn.setAttribute(FormToken.ATTRIBUTE, FormToken.newToken());
    }

    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // signed out twice at once: the outcome is the same
            }
        }
    }
}
