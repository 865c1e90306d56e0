package com.tictactoe.web.accounts;

import com.tictactoe.application.SignInTokens;
import com.tictactoe.web.BrowserRedirect;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Pages are for signed-in players; anyone else is sent to the sign-in page and brought back
 * afterwards. The challenge page is for both: a visitor without an account sees the challenge (and
 * gets no session), a player is recognised, from the session or the long-lived sign-in cookie. A signed-in request carries the player as its remote user, for the logs and for
 * any API that asks the request. The JSON endpoints answer 401 themselves: a background poll
 * must not be redirected to a page. No answer to a signed-in player is kept by a browser or a proxy
 * cache (pages, AJAX answers, the API), static files aside.
 */
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String SIGN_UP_PAGE = "/signup.xhtml";
    /** A challenge by link ({@code ?game=ID}), for whoever has the link. */
    public static final String CHALLENGE_PAGE = "/challenge.xhtml";

    private static final Set<String> OPEN_PAGES = Set.of(SIGN_IN_PAGE, SIGN_UP_PAGE, CHALLENGE_PAGE);
    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";
    private static final String ASSETS = "/assets/";

    @Inject
    private SignInTokens tokens;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String player = PlayerSession.playerOf(request).orElse(null);
        if (player == null && (needsPlayer(request) || isApi(request) || welcomesVisitors(request))) {
            player = signInFromCookie(request, response);
        }
        if (player != null) {
            if (!isStaticFile(request)) {
                response.setHeader("Cache-Control", "no-store");
            }
            chain.doFilter(new SignedInRequest(request, player), response);
        } else if (needsPlayer(request)) {
            sendToSignIn(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * A browser that signed in on a server that has since stopped, or on another server, is
     * signed in again from its long-lived token.
     */
    private String signInFromCookie(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> token = SignInCookie.read(request);
        if (token.isEmpty()) {
            return null;
        }
        Optional<String> player = tokens.playerFor(token.get());
        if (player.isEmpty()) {
            SignInCookie.clear(request, response);
            return null;
        }
        PlayerSession.signIn(request, player.get());
        return player.get();
    }

    /** A page open to visitors that still shows a player what is theirs to do: the challenge page. */
    public static boolean welcomesVisitors(HttpServletRequest request) {
        return CHALLENGE_PAGE.equals(request.getServletPath());
    }

    private static boolean isStaticFile(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith(FACES_RESOURCES) || path.startsWith(ASSETS);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getServletPath().equals("/api")
                || request.getServletPath().startsWith("/api/");
    }

    private static boolean needsPlayer(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) {
            return true;
        }
        return path.endsWith(".xhtml") && !OPEN_PAGES.contains(path) && !path.startsWith(FACES_RESOURCES);
    }

    public static void sendToSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signIn = request.getContextPath() + SIGN_IN_PAGE;
        if ("GET".equals(request.getMethod())) {
            String page =
                    request.getRequestURI().substring(request.getContextPath().length())
                            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            if (ReturnAddress.isSafe(page) && !page.equals("/")) {
                signIn += "?to=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
            }
        }
        BrowserRedirect.send(request, response, signIn);
    }

    /** The request as seen by everything behind this filter: made by the signed-in player. */
    private static final class SignedInRequest extends HttpServletRequestWrapper {

        private final Principal player;

        SignedInRequest(HttpServletRequest request, String player) {
            super(request);
            this.player = () -> player;
        }

        @Override
        public String getRemoteUser() {
            return player.getName();
        }

        @Override
        public Principal getUserPrincipal() {
            return player;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "player".equals(role);
        }
    }
}
