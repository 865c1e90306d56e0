package com.tictactoe.benchmark;

import com.tictactoe.testsupport.PagePlayer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many open pages of one game, or many open lobbies, each a signed-in session of its own (signed in
 * from a sign-in token, as a returning browser is) holding the page's push websocket, opened as
 * faces.js opens it: same origin, the session's cookie, the channel URL the page was given. On each
 * push a game page does what app.js does: show the pushed move on its board (if asked to; a push it
 * cannot show, it re-renders). Every page polls its version endpoint every 20 s as a safety net, as
 * app.js does while the socket is open and the page in front.
 */
final class Watchers implements AutoCloseable {

    static final long POLL_MILLIS = 20_000;
    /** How often app.js polls when its page has no socket. */
    static final long POLL_WITHOUT_SOCKET_MILLIS = 2_000;

    /** The move the watchers wait for: its number (marks on the board after it) and when it was sent. */
    private record Move(int marks, long sentNanos) {}

    private final HttpClient http;
    private final URI base;
    private final String gameId;
    private final boolean rerender;
    private volatile Tally tally;
    private final List<Watcher> watchers = new ArrayList<>();
    private final AtomicReference<Move> awaited = new AtomicReference<>();
    private final AtomicInteger pushed = new AtomicInteger();
    private final AtomicInteger rerendered = new AtomicInteger();
    private final AtomicInteger failedRerenders = new AtomicInteger();
    private final AtomicInteger refusedSockets = new AtomicInteger();
    private final Latencies pushLatency = new Latencies();
    private final Latencies boardLatency = new Latencies();
    private final ExecutorService browsers = Executors.newFixedThreadPool(64);
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);

    /** Pages of the game {@code gameId}, or the players' lobbies if it is null. */
    Watchers(HttpClient http, URI base, String gameId, boolean rerender, Tally tally) {
        this.http = http;
        this.base = base;
        this.gameId = gameId;
        this.rerender = rerender;
        this.tally = tally;
    }

    /** Opens {@code count} pages and their websockets, each signed in with one of the tokens in turn. */
    void open(int count, List<String> accounts, List<String> tokens, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Watcher>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int account = i % tokens.size();
                opening.add(pool.submit(() -> openOne(accounts.get(account), tokens.get(account))));
            }
            for (Future<Watcher> each : opening) {
                watchers.add(each.get());
            }
        } finally {
            pool.shutdown();
        }
        for (Watcher watcher : watchers) {
            long every = watcher.socket == null ? POLL_WITHOUT_SOCKET_MILLIS : POLL_MILLIS;
            pollers.scheduleAtFixedRate(
                    watcher::poll, ThreadLocalRandom.current().nextLong(every), every, TimeUnit.MILLISECONDS);
        }
    }

    private Watcher openOne(String account, String token) throws Exception {
        PagePlayer page = new PagePlayer(http, base, account, "unused", tally).withSignInToken(token);
        if (gameId == null) {
            page.openLobby();
        } else {
            page.openGame(gameId, null);
        }
        Watcher watcher = new Watcher(page);
        URI socket = URI.create("ws://" + base.getHost() + ":" + base.getPort() + page.pushPath());
        try {
            watcher.socket = http.newWebSocketBuilder()
                    .header("Origin", "http://" + base.getHost() + ":" + base.getPort())
                    .header("Cookie", page.cookieHeader())
                    .buildAsync(socket, watcher)
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof WebSocketHandshakeException)) {
                throw e;
            }
            refusedSockets.incrementAndGet(); // the server holds all it may: the page polls instead
        }
        watcher.poll(); // what app.js does once the socket is open, or is refused
        return watcher;
    }

    /** The pages' requests (polls, re-renders) and their pushes are recorded by {@code tally} from now on. */
    void recordTo(Tally tally) {
        this.tally = tally;
        watchers.forEach(watcher -> watcher.page.recordingTo(tally));
    }

    int size() {
        return watchers.size();
    }

    /** Pages whose websocket the server refused (it held all the sockets it may): they poll instead. */
    int refusedSockets() {
        return refusedSockets.get();
    }

    /** Pages with an open websocket. */
    int withSocket() {
        return watchers.size() - refusedSockets.get();
    }

    /** From now on, pushes are timed from {@code sentNanos} and re-rendered boards must show {@code marks} marks. */
    void expect(int marks, long sentNanos) {
        pushed.set(0);
        rerendered.set(0);
        awaited.set(new Move(marks, sentNanos));
    }

    /** Waits until every watcher heard of the move (and re-rendered its board, if asked to); false on timeout. */
    boolean awaitAll(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            int listening = withSocket();
            if (pushed.get() >= listening && (!rerender || rerendered.get() >= listening)) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    Latencies pushLatency() {
        return pushLatency;
    }

    Latencies boardLatency() {
        return boardLatency;
    }

    int failedRerenders() {
        return failedRerenders.get();
    }

    @Override
    public void close() {
        pollers.shutdownNow();
        browsers.shutdownNow();
        for (Watcher watcher : watchers) {
            if (watcher.socket != null) {
                watcher.socket.abort();
            }
        }
    }

    /** One open page: its session, its socket. */
    private final class Watcher implements WebSocket.Listener {

        final PagePlayer page;
        volatile WebSocket socket;
        private final StringBuilder text = new StringBuilder();

        Watcher(PagePlayer page) {
            this.page = page;
        }

        void poll() {
            try {
                synchronized (page) {
                    page.poll(gameId == null ? "api/me/changes" : "api/games/" + gameId + "/version");
                }
            } catch (PagePlayer.Unexpected e) {
                // counted by the tally
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                heard(message);
            }
            webSocket.request(1);
            return null;
        }

        private void heard(String message) {
            long arrived = System.nanoTime();
            Move move = awaited.get();
            if (move == null || gameId == null) {
                return;
            }
            if (tally.open()) {
                pushLatency.add(arrived - move.sentNanos());
            }
            pushed.incrementAndGet();
            if (rerender) {
                CompletableFuture.runAsync(() -> show(move, message), browsers);
            }
        }

        /** What app.js does with the push: the move shown from the push itself, or the board re-rendered. */
        private void show(Move move, String message) {
            try {
                synchronized (page) {
                    page.pushed(message);
                    if (page.marksShown() != move.marks()) {
                        throw page.unexpected(
                                "the board shows " + page.marksShown() + " marks, not " + move.marks(), "");
                    }
                }
                if (tally.open()) {
                    boardLatency.add(System.nanoTime() - move.sentNanos());
                }
            } catch (PagePlayer.Unexpected | RuntimeException e) {
                failedRerenders.incrementAndGet();
            } finally {
                rerendered.incrementAndGet();
            }
        }
    }
}
