package com.tictactoe.web.guards;

import com.tictactoe.domain.GameIds;
import com.tictactoe.web.BrowserRedirect;
import com.tictactoe.web.CrossSite;
import com.tictactoe.web.FormToken;
import com.tictactoe.web.accounts.PlayerSession;
import com.tictactoe.web.accounts.SignInFilter;
import com.tictactoe.web.accounts.VisitorFormToken;
import com.tictactoe.web.errors.RequestIds;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requests no page of ours sends are refused before Faces or the session manager sees them, with
 * a 4xx rather than the 500 Faces would answer, and logged as one line (by FailedRequestLog): a
 * session id in the address (sessions travel in cookies only), a body larger than any of our forms,
 * a page posted as anything but a form, a form sent by GET (a link could then act for the
 * player), parameters that are not well-formed UTF-8 ({@link StrictForm}: the container would drop
 * them and log five lines), Faces parameters with values Faces could not have written
 * ({@link FacesParameters}).
 *
 * <p>A stateless view's postback is only taken with a token that another site cannot know: the
 * lobby's and the game page's forms carry the session's {@link FormToken}, the sign-in and sign-up forms, which have no
 * session behind them, the browser's own {@link VisitorFormToken}. Faces would otherwise build the
 * page afresh and run its actions, whoever sent it. Without the token nothing runs: a player whose
 * session is gone is sent to sign in, and one whose page is older than the session (signed out and
 * in again elsewhere) or whom another site made post it gets the page again with the notice an
 * expired page shows.
 */
public class PostbackGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String VIEW_STATE = "jakarta.faces.ViewState";
    /** What a stateless view writes as its view state. */
    static final String STATELESS = "stateless";
    /** The pages whose views are stateless for a signed-in player (transient). */
    private static final Set<String> PLAYER_PAGES = Set.of(
            "/index.xhtml",
            "/game.xhtml",
            "/replay.xhtml",
            "/player.xhtml",
            "/leaders.xhtml",
            SignInFilter.CHALLENGE_PAGE);
    /** The pages whose views are stateless for a visitor without an account. */
    private static final Set<String> VISITOR_PAGES = Set.of(SignInFilter.SIGN_IN_PAGE, SignInFilter.SIGN_UP_PAGE);
    /** Far above what any of our forms sends; anything larger is not from our pages. */
    public static final int MAX_FORM_BYTES = 16 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

    private transient PausedAnswers pausedAnswers;

    @Override
    public void init() {
        pausedAnswers = new PausedAnswers("slow-body-refusals");
    }

    @Override
    public void destroy() {
        pausedAnswers.close();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (carriesSessionIdInAddress(request)) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "session id in the address");
            return;
        }
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        String contentType = request.getContentType();
        String type =
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("multipart/")) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "upload");
            return;
        }
        boolean page = request.getServletPath().endsWith(".xhtml");
        if (!page) {
            chain.doFilter(request, response);
            return;
        }
        boolean post = "POST".equals(request.getMethod());
        if (post && !type.startsWith(FORM)) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "page posted as " + shortType(type));
            return;
        }
        if (!post
                && request.getQueryString() != null
                && request.getQueryString().contains(VIEW_STATE)) {
            response.setHeader("Allow", "POST");
            refuse(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "form sent by " + request.getMethod());
            return;
        }
        byte[] body = new byte[0];
        if (post) {
            long length = request.getContentLengthLong();
            if (length < 0) {
                refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "form without a length");
                return;
            }
            try {
                body = FormBodies.read(request, (int) length);
            } catch (FormBodies.NotReceived notReceived) {
                refuseSlowBody(request, response, notReceived.getMessage());
                return;
            }
        }
        Map<String, String[]> parameters;
        try {
            parameters = StrictForm.parse(request.getQueryString(), body);
        } catch (StrictForm.Malformed malformed) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, malformed.getMessage());
            return;
        }
        request = new ParsedRequest(request, parameters, body);
        Optional<String> problem = FacesParameters.problem(parameters);
        if (problem.isPresent()) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        if (post && STATELESS.equals(request.getParameter(VIEW_STATE))) {
            if (PLAYER_PAGES.contains(request.getServletPath()) && !FormToken.sentWith(request)) {
                refuseStatelessPostback(request, response);
                return;
            }
            if (VISITOR_PAGES.contains(request.getServletPath())
                    && (CrossSite.sent(request) || !VisitorFormToken.sentWith(request))) {
                RequestIds.refused(request, "visitor form without its token");
                BrowserRedirect.send(
                        request, response, request.getContextPath() + request.getServletPath() + "?expired=true");
                return;
            }
            if (!PLAYER_PAGES.contains(request.getServletPath()) && !VISITOR_PAGES.contains(request.getServletPath())) {
                refuse(
                        request,
                        response,
                        HttpServletResponse.SC_BAD_REQUEST,
                        "stateless postback to a page without forms");
                return;
            }
        }
        if (VISITOR_PAGES.contains(request.getServletPath())) {
            VisitorFormToken.issue(request, response);
        }
        chain.doFilter(request, response);
    }

    /**
     * 408 with no page (a browser sends a form with its head, so whoever gets this is not reading
     * pages) and the connection closed, the rest of the body neither waited for nor read; after a
     * pause, so that a client refused for want of a free reader does not come straight back.
     */
    private void refuseSlowBody(HttpServletRequest request, HttpServletResponse response, String reason) {
        RequestIds.refused(request, reason);
        response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
        response.setHeader("Connection", "close");
        response.setContentLength(0);
        pausedAnswers.pause(request, AsyncContext::complete);
    }

    /**
     * Sessions travel in cookies only (web.xml), yet Payara still looks a {@code ;jsessionid=} in
     * the path up: such an id could have leaked through a link, a log or a Referer.
     */
    private static boolean carriesSessionIdInAddress(HttpServletRequest request) {
        return request.isRequestedSessionIdFromURL()
                || request.getRequestURI().toLowerCase(Locale.ROOT).contains(";jsessionid");
    }

    private static String shortType(String type) {
        String printable = type.replaceAll("[^a-z0-9/+.;= -]", "?");
        return printable.isEmpty()
                ? "nothing"
                : printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        RequestIds.refused(request, reason);
        response.sendError(status);
    }

    private static void refuseStatelessPostback(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean signedIn = PlayerSession.playerOf(request).isPresent();
        if (!signedIn && !SignInFilter.welcomesVisitors(request)) {
            SignInFilter.sendToSignIn(request, response);
            return;
        }
        BrowserRedirect.send(request, response, pageAgain(request));
    }

    /**
     * The page a postback came from, with a notice: the game page with the game its form names; the
     * challenge page as its link named it, and for a player signed out meanwhile as a visitor sees
     * it, with its ways to sign in that lead back to it.
     */
    private static String pageAgain(HttpServletRequest request) {
        String page = request.getContextPath() + request.getServletPath();
        String gameId = request.getParameter("gameId");
        if (GameIds.isPlausible(gameId)) {
            return page + "?id=" + gameId + "&expired=true";
        }
        String challenge = request.getParameter("game");
        return page + "?expired=true"
                + (SignInFilter.welcomesVisitors(request) && GameIds.isPlausible(challenge)
                        ? "&game=" + challenge
                        : "");
    }
}
