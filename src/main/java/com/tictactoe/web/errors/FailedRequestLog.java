package com.tictactoe.web.errors;

import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.web.accounts.PlayerSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request a reference (also sent as {@code X-Request-Id}) and logs each failed one
 * exactly once: every 5xx and every 4xx but 404, which is only a wrong address.
 */
public class FailedRequestLog extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LOGGED_URI = 200;
    private static final Logger LOG = Logger.getLogger(FailedRequestLog.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.next();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader("X-Request-Id", id);
        Throwable thrown = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
            throw e;
        } finally {
            Throwable failure = thrown != null ? thrown : (Throwable) request.getAttribute(RequestIds.FAILURE);
            int status = thrown != null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
            if (failure != null || (status >= 400 && status != HttpServletResponse.SC_NOT_FOUND)) {
                log(request, id, status, failure);
            }
        }
    }

    private static void log(HttpServletRequest request, String id, int status, Throwable failure) {
        String line = String.format(
                "Request failed [ref %s] %d %s %s player=%s%s",
                id,
                status,
                request.getMethod(),
                shortened(request.getRequestURI()),
                playerOf(request),
                failure == null ? refusal(request) : ": " + rootCause(failure));
        if (failure != null && !Causes.causedBy(failure, StoreUnavailableException.class)) {
            LOG.log(Level.SEVERE, line, failure);
        } else {
            LOG.log(status >= 500 || failure != null ? Level.SEVERE : Level.WARNING, line);
        }
    }

    /** Not looked up by an id in the address, which finds no session here (PostbackGuard). */
    private static String playerOf(HttpServletRequest request) {
        return request.isRequestedSessionIdFromURL()
                ? "-"
                : PlayerSession.playerOf(request).orElse("-");
    }

    /** The path as asked for, cut short: whoever sends a request decides its length. */
    private static String shortened(String uri) {
        return uri.length() <= MAX_LOGGED_URI ? uri : uri.substring(0, MAX_LOGGED_URI) + "...";
    }

    private static String refusal(HttpServletRequest request) {
        Object reason = request.getAttribute(RequestIds.REFUSAL);
        return reason == null ? "" : ": " + reason;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
