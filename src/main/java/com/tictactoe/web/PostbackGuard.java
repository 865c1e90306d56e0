package com.tictactoe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Requests no page of ours sends are refused before Faces sees them, with a 4xx rather than the
 * 500 Faces would answer: a form sent by GET (a link could then act for the player), an upload
 * (no page has one), a view state that Faces could not have written.
 *
 * <p>A stateless view's postback is only taken for the pages whose views are stateless, and only
 * with the session's {@link FormToken}: Faces would otherwise build the page afresh and run its
 * actions, whoever sent it. Without the token nothing runs: a player whose session is gone is sent
 * to sign in, and one whose page is older than the session (signed out and in again elsewhere) or
 * whom another site made post it gets the page again with the notice an expired page shows.
 */
public class PostbackGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String VIEW_STATE = "jakarta.faces.ViewState";
    /** Mojarra's server-side state saving writes two signed numbers. */
    private static final Pattern SERVER_VIEW_STATE = Pattern.compile("-?\\d{1,20}:-?\\d{1,20}");
    /** What a stateless view writes as its view state. */
    static final String STATELESS = "stateless";
    /** The pages whose views are stateless (transient). */
    private static final Set<String> STATELESS_PAGES = Set.of("/index.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        boolean page = request.getServletPath().endsWith(".xhtml");
        if (page && !"POST".equals(request.getMethod()) && request.getQueryString() != null
                && request.getQueryString().contains(VIEW_STATE)) {
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (page && "POST".equals(request.getMethod())) {
            String viewState = request.getParameter(VIEW_STATE);
            if (STATELESS.equals(viewState) && STATELESS_PAGES.contains(request.getServletPath())) {
                if (!FormToken.sentWith(request)) {
                    refuseStatelessPostback(request, response);
                    return;
                }
            } else if (viewState != null && !SERVER_VIEW_STATE.matcher(viewState).matches()) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuseStatelessPostback(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (PlayerSession.playerOf(request).isEmpty()) {
            SignInFilter.sendToSignIn(request, response);
        } else {
            BrowserRedirect.send(request, response,
                    request.getContextPath() + request.getServletPath() + "?expired=true");
        }
    }
}
