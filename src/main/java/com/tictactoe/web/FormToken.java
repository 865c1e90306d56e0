package com.tictactoe.web;

import com.tictactoe.web.guards.PostbackGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret per session that the forms of stateless pages (all of ours) carry in place of a
 * Faces view state, and a page's script sends with a move, so that another site cannot make a
 * signed-in browser post them. A stateful page's view state would be such a secret by itself; a
 * stateless page's is the word "stateless", which anyone can send. {@link PostbackGuard} compares
 * the two on every stateless postback, {@code MovesEndpoint} on every move.
 */
@Named("formToken")
@ApplicationScoped
public class FormToken {

    /** The hidden field every form of a stateless page has. */
    public static final String FIELD = "tictactoe-token";
    /** The header that carries it in a script's request. */
    public static final String HEADER = "X-Tictactoe-Token";

    public static final String ATTRIBUTE = "tictactoe.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** This session's token, for the page being rendered. */
    public String getValue() {
        return of(((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getSession(true));
    }

    /** Given to a session when a player signs in; made here too for a session that began without one. */
    static String of(HttpSession session) {
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token == null) {
            token = newToken();
            session.setAttribute(ATTRIBUTE, token);
        }
        return token;
    }

    public static String newToken() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether the request carries its session's token in the form field. */
    public static boolean sentWith(HttpServletRequest request) {
        return matches(request, request.getParameter(FIELD));
    }

    /**
     * Whether the request carries its session's token in the header {@link #HEADER}, as a page's
     * script sends it to the JSON endpoints that change a game (another site's page can neither read
     * the token nor set the header).
     */
    public static boolean sentInHeader(HttpServletRequest request) {
        return matches(request, request.getHeader(HEADER));
    }

    private static boolean matches(HttpServletRequest request, String sent) {
        HttpSession session = request.getSession(false);
        if (session == null || sent == null) {
            return false;
        }
        String token;
        try {
            token = (String) session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return false;
        }
        return token != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }
}
