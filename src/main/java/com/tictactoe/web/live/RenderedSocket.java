package com.tictactoe.web.live;

import jakarta.faces.component.UIWebsocket;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * A session's {@code <f:websocket>} start-up script as this server last rendered it, with what it
 * was rendered for: the socket's client id, channel, scope, user and handlers. A channel of session
 * (or application) scope keeps its id for the whole session, so the same socket on the next page
 * gets the same script; a view-scoped one does not, and is never kept.
 */
record RenderedSocket(String server, String socket, String html) implements Serializable {

    static final String ATTRIBUTE = "tictactoe.renderedSocket";

    /**
     * This server: Faces registers a channel id in the memory of the server that rendered it, and a
     * session that moves to another cluster member must have its socket rendered (registered) there.
     */
    private static final String SERVER = UUID.randomUUID().toString();

    /** What the socket is rendered for, or null if its script may differ from page to page. */
    static String describe(FacesContext context, UIWebsocket websocket) {
        if ("view".equalsIgnoreCase(websocket.getScope())) {
            return null;
        }
        return String.join(
                "\n",
                websocket.getClientId(context),
                websocket.getChannel(),
                String.valueOf(websocket.getScope()),
                String.valueOf(websocket.getUser()),
                String.valueOf(websocket.isConnected()),
                websocket.getOnopen(),
                websocket.getOnmessage(),
                websocket.getOnerror(),
                websocket.getOnclose());
    }

    /** Whether the session has a socket rendered by this server. */
    static boolean heldBy(HttpSession session) {
        return kept(session).isPresent();
    }

    /** The script rendered before for {@code socket} in this session by this server, if any. */
    static Optional<String> of(HttpSession session, String socket) {
        return kept(session).filter(rendered -> rendered.socket.equals(socket)).map(RenderedSocket::html);
    }

    /**
     * Keeps the script for the session's next pages; not if it carries the faces.js include, which a
     * page renders once and the next page may have rendered already.
     */
    static void keep(HttpSession session, String socket, String html) {
        if (html.contains("faces.js")) {
            return;
        }
        try {
            session.setAttribute(ATTRIBUTE, new RenderedSocket(SERVER, socket, html));
        } catch (IllegalStateException invalidated) {
            // signed out meanwhile: nothing to keep
        }
    }

    private static Optional<RenderedSocket> kept(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(ATTRIBUTE) instanceof RenderedSocket rendered && rendered.server.equals(SERVER)
                    ? Optional.of(rendered)
                    : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
