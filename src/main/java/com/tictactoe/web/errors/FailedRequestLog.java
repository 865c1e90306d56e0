package com.tictactoe.web.errors;

import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.web.accounts.PlayerSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request a reference (also sent as {@code X-Request-Id}) and logs each failed one
 * exactly once: every 5xx and every 4xx but 404, which is only a wrong address. At most
 * {@value #BURST} lines at once and {@value #LINES_PER_SECOND} a second after that ({@link LogBudget}); the
 * failures beyond are counted by status and summed up in one line every {@link #SUMMARY_EVERY}.
 */
public class FailedRequestLog extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LOGGED_URI = 200;
    private static final Logger LOG = Logger.getLogger(FailedRequestLog.class.getName());

    /** Lines that may be written at once, as when a page's requests all fail together. */
    public static final int BURST = 200;
    /** Lines a second once the burst is spent. */
    public static final int LINES_PER_SECOND = 50;
    /** How often the failures without a line of their own are summed up. */
    public static final Duration SUMMARY_EVERY = Duration.ofSeconds(10);

    private transient LogBudget budget;
    private transient ScheduledExecutorService summaries;

    @Override
    public void init() {
        budget = new LogBudget(BURST, Duration.ofSeconds(1).dividedBy(LINES_PER_SECOND), System.nanoTime());
        summaries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "failed-request-summaries");
            thread.setDaemon(true);
            return thread;
        });
        summaries.scheduleWithFixedDelay(
                this::logUnlogged, SUMMARY_EVERY.toMillis(), SUMMARY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        summaries.shutdownNow();
        logUnlogged();
    }

    private void logUnlogged() {
        Map<Integer, Long> unlogged = budget.takeUnlogged();
        if (unlogged.isEmpty()) {
            return;
        }
        long total = unlogged.values().stream().mapToLong(Long::longValue).sum();
        boolean serverErrors = unlogged.keySet().stream().anyMatch(status -> status >= 500);
        LOG.log(
                serverErrors ? Level.SEVERE : Level.WARNING,
                String.format(
                        "Requests failed without a line of their own (more than %d a second): %d, by status %s",
                        LINES_PER_SECOND, total, unlogged));
    }

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
            if ((failure != null || (status >= 400 && status != HttpServletResponse.SC_NOT_FOUND))
                    && budget.lineFor(status, System.nanoTime())) {
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
