package com.tictactoe.web.live;

import com.tictactoe.web.SameOrigin;
import com.tictactoe.web.WebSettings;
import com.tictactoe.web.accounts.PlayerSession;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Lets a websocket handshake on the Faces push endpoint through only when it comes from one of the
 * site's own pages ({@link SameOrigin}), from a signed-in session, and names a channel id that a page
 * of this very session was given, under that channel's name ({@link IssuedChannels}). Anything else is answered 403 before it
 * reaches the websocket container, and is logged once, as every refused request, by FailedRequestLog.
 *
 * <p>This works as a servlet filter because the websocket upgrade is an ordinary request to the
 * servlet container first: Tyrus, Payara's websocket implementation, performs it in a filter of its
 * own that it maps to {@code /*} after those of web.xml.
 *
 * <p>A handshake that passes is still refused while the player or the server holds as many open
 * sockets as {@link SocketLimits} allow (429 and 503): the page then follows by polling.
 */
public class HandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final int TOO_MANY_REQUESTS = 429;

    private transient WebSettings settings;

    @Inject
    private transient LivePages livePages;

    @Override
    public void init() {
        settings = WebSettings.fromEnvironment();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String refusal = refusal(request);
        if (refusal != null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, refusal);
        } else if (livePages.full()) {
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "this server holds all the sockets it can");
        } else if (!livePages.hasRoomFor(PlayerSession.playerOf(request).orElseThrow())) {
            refuse(response, TOO_MANY_REQUESTS, "too many open pages of this player");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("Websocket refused: " + why + "\n");
    }

    /** Why this handshake is refused, or null if it is not. */
    private String refusal(HttpServletRequest request) {
        if (!SameOrigin.allows(
                request.getHeader("Origin"), request.getHeader("Host"), request.isSecure(), settings.publicOrigin())) {
            return "not from this site's pages";
        }
        if (PlayerSession.playerOf(request).isEmpty()) {
            return "not signed in";
        }
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = PushContext.URI_PREFIX + "/";
        String channel =
                path.startsWith(prefix) ? path.substring(prefix.length()) + "?" + request.getQueryString() : null;
        if (session == null || channel == null || !IssuedChannels.wasIssued(session, channel)) {
            return "not a channel of this session";
        }
        return null;
    }
}
