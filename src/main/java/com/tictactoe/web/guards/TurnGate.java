package com.tictactoe.web.guards;

import com.tictactoe.application.Configuration;
import com.tictactoe.application.GameMetrics;
import com.tictactoe.web.accounts.PlayerSession;
import com.tictactoe.web.api.ApiServlet;
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
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The costly requests take turns, a few at a time, and a move goes before any page that waits: on
 * a server whose cores are all busy, a move would otherwise share them with every page being
 * rendered (each thread its slice) and be answered only when they are. Pages (Faces' requests: full
 * pages, their forms and their AJAX re-renders) are the costliest thing the server does; the lobby
 * script's invitations and acceptances, which stand in for its forms, take a page's turn. A move
 * (the script's {@code POST} to a moves address) is what a player, and the opponent's push, wait
 * for.
 * A client without a player's session (a visitor, or anyone sending requests without an account)
 * comes after every player's page: however many requests it sends, it gets the turns the players
 * leave.
 * Polls, websocket handshakes, assets and health checks are cheap and take no turn. A request
 * without a turn waits on its thread, having done nothing yet; the pool has threads enough beside
 * them (deploy/payara-preboot.asadmin). One that waits too long is answered busy (503): a page
 * with the busy page, which tries again by itself. Requests are not refused for being many: a
 * burst of them is legitimate (a thousand watchers of one game re-render it at once when a player
 * resigns).
 *
 * <p>While it has its turn, a page runs at a lower thread priority than the rest of the server
 * where the JVM allows it ({@link PagePriority}; {@code tictactoe.pages.lower-priority=false} turns
 * that off).
 *
 * <p>After PostbackGuard: a form's body is read before its page asks for a turn, so a client
 * trickling one holds no turn, and a request refused as malformed costs none.
 */
public class TurnGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String AT_ONCE = "tictactoe.requests.at-once";
    static final String LOWER_PRIORITY = "tictactoe.pages.lower-priority";
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String API = "/api";
    private static final Logger LOG = Logger.getLogger(TurnGate.class.getName());

    /** Visitors' requests that may wait for a turn, for each turn: each holds a request thread meanwhile. */
    static final int VISITORS_WAITING_PER_TURN = 8;

    private transient Turns turns;
    private transient PagePriority pagePriority;
    private transient PausedAnswers pausedAnswers;

    @Inject
    private transient GameMetrics metrics;

    @Override
    public void init() {
        int atOnce = Configuration.count(AT_ONCE, Configuration.value(AT_ONCE))
                .orElse(2 * Runtime.getRuntime().availableProcessors());
        turns = new Turns(atOnce, VISITORS_WAITING_PER_TURN * atOnce);
        pausedAnswers = new PausedAnswers("busy-visitors");
        boolean wanted = Configuration.flag(LOWER_PRIORITY, Configuration.value(LOWER_PRIORITY))
                .orElse(true);
        pagePriority = new PagePriority(wanted && PagePriority.available());
        LOG.info(() -> String.format(
                "Moves and pages: %d at a time, moves first, visitors last (at most %d of them waiting); %s",
                atOnce,
                VISITORS_WAITING_PER_TURN * atOnce,
                pagePriority.lowersPages()
                        ? "pages at a lower thread priority"
                        : wanted
                                ? "pages at the moves' thread priority (this JVM cannot lower a thread's priority"
                                        + " and raise it again: -XX:ThreadPriorityPolicy=1 and the right to raise it)"
                                : "pages at the moves' thread priority (" + LOWER_PRIORITY + "=false)"));
    }

    @Override
    public void destroy() {
        pausedAnswers.close();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Turns.Kind> kind = kindOf(request);
        if (kind.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Turns.Admission admission;
        try {
            admission = turns.take(kind.get(), LONGEST_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting for a turn");
        }
        String label = kind.get().name().toLowerCase(Locale.ROOT);
        if (admission != Turns.Admission.AT_ONCE) {
            metrics.requestWaited(label);
        }
        if (admission == Turns.Admission.TOO_MANY_WAITING) {
            refuseAfterAPause(request, response, label);
            return;
        }
        if (!admission.hasTurn()) {
            refuse(request, response, kind.get(), label);
            return;
        }
        try {
            pagePriority.run(kind.get(), () -> chain.doFilter(request, response));
        } finally {
            turns.end();
        }
    }

    static Optional<Turns.Kind> kindOf(HttpServletRequest request) {
        Turns.Kind kind;
        if (request.getServletPath().endsWith(".xhtml")) {
            kind = Turns.Kind.PAGE;
        } else if (API.equals(request.getServletPath()) && "POST".equals(request.getMethod())) {
            String path = request.getPathInfo();
            boolean move = path != null && path.startsWith("/games/") && path.contains("/moves/");
            kind = move ? Turns.Kind.MOVE : Turns.Kind.PAGE;
        } else {
            return Optional.empty();
        }
        // Before SignInFilter: a returning player's first request, signed in by its cookie, counts as a visitor's.
        return Optional.of(PlayerSession.playerOf(request).isPresent() ? kind : Turns.Kind.VISITOR);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Turns.Kind kind, String label)
            throws IOException, ServletException {
        metrics.requestRefused(label);
        RequestIds.refused(request, "no turn in time");
        answerBusy(request, response, kind);
    }

    /**
     * Busy, as for a request that waited too long, but after a pause without a thread: a client
     * sending more requests than may wait does not get its answers faster than the visitors who
     * wait, nor the threads the players' requests need.
     */
    private void refuseAfterAPause(HttpServletRequest request, HttpServletResponse response, String label)
            throws IOException, ServletException {
        metrics.requestRefused(label);
        RequestIds.refused(request, "too many visitors waiting");
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        boolean page = !API.equals(request.getServletPath());
        if (!pausedAnswers.pause(request, waiting -> {
            if (page) {
                waiting.dispatch(ErrorPages.BUSY);
            } else {
                waiting.complete();
            }
        })) {
            answerBusy(request, response, Turns.Kind.VISITOR);
        }
    }

    /** 503, to try again shortly: an API call in JSON as the API answers, a page with the busy page. */
    static void answerBusy(HttpServletRequest request, HttpServletResponse response, Turns.Kind kind)
            throws IOException, ServletException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (API.equals(request.getServletPath())) {
            ApiServlet.refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.busy");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        if (kind != Turns.Kind.MOVE) {
            request.getRequestDispatcher(ErrorPages.BUSY).forward(request, response);
        }
    }
}
