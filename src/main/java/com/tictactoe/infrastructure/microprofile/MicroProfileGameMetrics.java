package com.tictactoe.infrastructure.microprofile;

import com.tictactoe.application.GameMetrics;
import com.tictactoe.domain.Rejection;
import com.tictactoe.infrastructure.MicroProfileAdapters;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The game's counts in the server's MicroProfile Metrics (application scope). In Prometheus text:
 * {@code tictactoe_games_created_total}, {@code tictactoe_games_started_total},
 * {@code tictactoe_games_finished_total{outcome="win"|"draw"}}, {@code tictactoe_moves_total},
 * {@code tictactoe_moves_refused_total{reason}} (the domain's Rejection, e.g. {@code square_taken}),
 * {@code tictactoe_signins_total{outcome="succeeded"|"refused"|"limited"}},
 * {@code tictactoe_sessions_created_total}, {@code tictactoe_requests_waited_total{kind}},
 * {@code tictactoe_requests_refused_total{kind}} ({@code move} or {@code page}) and the gauges {@code tictactoe_live_pages} and
 * {@code tictactoe_sessions}. A counter is published from its first count on. It carries no
 * annotation: {@link MicroProfileAdapters} makes it a bean only where the API exists, and
 * gives {@code registry} its {@code @Inject}.
 */
public class MicroProfileGameMetrics implements GameMetrics {

    static final Metadata CREATED = counter("tictactoe.games.created", "Invitations sent (games created)");
    static final Metadata STARTED = counter("tictactoe.games.started", "Invitations accepted (games started)");
    static final Metadata FINISHED = counter("tictactoe.games.finished", "Games finished, by outcome: win or draw");
    static final Metadata MOVES = counter("tictactoe.moves", "Moves written");
    static final Metadata REFUSED = counter("tictactoe.moves.refused", "Moves refused, by reason");
    static final Metadata SIGN_INS = counter(
            "tictactoe.signins",
            "Sign-ins with a password, by outcome: succeeded, refused (wrong name or password) or limited");
    static final Metadata LIVE_PAGES = Metadata.builder()
            .withName("tictactoe.live.pages")
            .withDescription("Pages with an open push websocket on this server")
            .build();

    static final Metadata SESSIONS_CREATED = counter(
            "tictactoe.sessions.created", "HTTP sessions created on this server (each by a sign-in or sign-up)");
    static final Metadata REQUESTS_WAITED = counter(
            "tictactoe.requests.waited", "Moves and pages that waited for a turn (every turn was taken), by kind");
    static final Metadata REQUESTS_REFUSED = counter(
            "tictactoe.requests.refused", "Moves and pages answered busy (503): they waited too long for a turn");
    static final Metadata SESSIONS = Metadata.builder()
            .withName("tictactoe.sessions")
            .withDescription("HTTP sessions held by this server")
            .build();

    private final AtomicLong livePages = new AtomicLong();
    private final Map<String, Counter> waited = new ConcurrentHashMap<>();
    private final AtomicLong sessions = new AtomicLong();

    private MetricRegistry registry;

    private volatile boolean gaugePublished;

    private static Metadata counter(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private MetricRegistry registry() {
        if (!gaugePublished) {
            synchronized (this) {
                if (!gaugePublished) {
                    registry.gauge(LIVE_PAGES, livePages::get);
                    registry.gauge(SESSIONS, sessions::get);
                    gaugePublished = true;
                }
            }
        }
        return registry;
    }

    @Override
    public void gameCreated() {
        registry().counter(CREATED).inc();
    }

    @Override
    public void gameStarted() {
        registry().counter(STARTED).inc();
    }

    @Override
    public void gameFinished(boolean draw) {
        registry().counter(FINISHED, new Tag("outcome", draw ? "draw" : "win")).inc();
    }

    @Override
    public void moveMade() {
        registry().counter(MOVES).inc();
    }

    @Override
    public void moveRefused(Rejection reason) {
        registry().counter(REFUSED, new Tag("reason", label(reason))).inc();
    }

    @Override
    public void signIn(SignIn outcome) {
        registry().counter(SIGN_INS, new Tag("outcome", label(outcome))).inc();
    }

    @Override
    public void livePageOpened() {
        registry();
        livePages.incrementAndGet();
    }

    @Override
    public void livePageClosed() {
        livePages.updateAndGet(open -> Math.max(0, open - 1));
    }

    @Override
    public void sessionCreated() {
        registry().counter(SESSIONS_CREATED).inc();
        sessions.incrementAndGet();
    }

    @Override
    public void sessionEnded() {
        sessions.updateAndGet(open -> Math.max(0, open - 1));
    }

    @Override
    public void requestWaited(String kind) {
        // counted on busy servers for many requests: looked up in the registry once per kind
        waited.computeIfAbsent(kind, k -> registry().counter(REQUESTS_WAITED, new Tag("kind", k)))
                .inc();
    }

    @Override
    public void requestRefused(String kind) {
        registry().counter(REQUESTS_REFUSED, new Tag("kind", kind)).inc();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
