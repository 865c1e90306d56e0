package com.tictactoe.web.guards;

import com.tictactoe.application.Configuration;
import com.tictactoe.application.GameMetrics;
import com.tictactoe.web.errors.ErrorPages;
import com.tictactoe.web.errors.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Pages (Faces' requests: full pages, their forms and their AJAX re-renders) take turns, a few at a
 * time, so that the requests that must be quick (a move, a poll, a websocket's handshake) never
 * queue behind them. Rendering a page is the costliest thing the server does: when every request
 * thread renders one, a move waits in the listener's queue for as long as the pages ahead of it
 * take. With turns, a page beyond them waits on its thread (it has done nothing yet and holds
 * little), and the pool has threads enough beside them for the quick requests
 * (deploy/payara-preboot.asadmin). A page that waits too long, or finds too many waiting, gets the
 * busy page (503), which tries again by itself.
 *
 * <p>After PostbackGuard: a form's body is read before its page asks for a turn, so a client
 * trickling one holds no turn, and a request refused as malformed costs none.
 */
public class PageGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String AT_ONCE = "tictactoe.pages.at-once";
    static final String MOST_WAITING = "tictactoe.pages.waiting";
    static final int DEFAULT_MOST_WAITING = 40;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(PageGate.class.getName());

    private transient PageTurns turns;

    @Inject
    private transient GameMetrics metrics;

    @Override
    public void init() {
        int atOnce = setting(AT_ONCE).orElse(2 * Runtime.getRuntime().availableProcessors());
        int mostWaiting = setting(MOST_WAITING).orElse(DEFAULT_MOST_WAITING);
        turns = new PageTurns(atOnce, mostWaiting);
        LOG.info(() -> String.format("Pages render %d at a time; at most %d wait for a turn", atOnce, mostWaiting));
    }

    private static Optional<Integer> setting(String name) {
        return Configuration.value(name).map(String::trim).map(Integer::parseInt);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getServletPath().endsWith(".xhtml")) {
            chain.doFilter(request, response);
            return;
        }
        PageTurns.Admission admission;
        try {
            admission = turns.take(LONGEST_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting for a turn to render");
        }
        if (admission != PageTurns.Admission.AT_ONCE) {
            metrics.pageWaited();
        }
        if (!admission.hasTurn()) {
            refuse(request, response, admission);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.end();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, PageTurns.Admission why)
            throws IOException, ServletException {
        metrics.pageRefused();
        RequestIds.refused(
                request, why == PageTurns.Admission.TIMED_OUT ? "no turn to render in time" : "too many pages waiting");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        request.getRequestDispatcher(ErrorPages.BUSY).forward(request, response);
    }
}
