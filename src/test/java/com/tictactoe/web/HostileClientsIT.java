package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.AttemptLimits;
import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.run.PayaraMicroProcess;
import com.tictactoe.testsupport.BoundWebClient;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.ServerMetrics;
import com.tictactoe.testsupport.StoredGames;
import com.tictactoe.testsupport.TestTimeouts;
import com.tictactoe.testsupport.WebClient;
import com.tictactoe.web.accounts.SessionsPerPlayer;
import com.tictactoe.web.errors.FailedRequestLog;
import com.tictactoe.web.guards.FormBodies;
import com.tictactoe.web.guards.PausedAnswers;
import com.tictactoe.web.guards.PostbackGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What one client without an account can do to the server, and what it must not: a flood of
 * cookie-less requests to every page a visitor can open (a challenge's link too) creates no session and leaves a player's
 * lobby answering; clients that send a form's body a few bytes at a time are cut off while the
 * player's pages keep coming; malformed requests are refused with a 4xx and one log line, without a
 * stack trace; correct sign-ins sent at once all succeed and count nothing; another site's sign-in
 * and sign-up posts are refused. A server of its own (its console in a file, its JVM at hand for a
 * full collection), as the local run starts it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileClientsIT {

    private static final String PASSWORD = "correct horse";
    private static final int FLOOD_REQUESTS = 8_000;
    private static final int FLOOD_CONNECTIONS = 16;
    /** What a flood may leave in the heap after a full collection; a session per request would be tens of MB. */
    private static final long HEAP_SLACK_BYTES = 8L * 1024 * 1024;

    private static PayaraMicroProcess server;
    private static Path log;
    private static URL base;

    @BeforeAll
    static void start() throws IOException {
        String jar = System.getProperty("payara.microJar");
        if (jar == null) {
            throw new IllegalStateException("payara.microJar is not set: run the tests with 'mvn verify'");
        }
        int port = DynamoDbLocal.freePort();
        log = Path.of("target", "payara-hostile-" + port + ".log");
        Files.deleteIfExists(log);
        server = new PayaraMicroProcess(
                Path.of(jar),
                Path.of("target", "tictactoe.war"),
                port,
                DynamoDbLocalSession.endpoint(),
                Path.of(System.getProperty("payara.preboot", "deploy/payara-preboot.asadmin")),
                "256m",
                ProcessBuilder.Redirect.appendTo(log.toFile()));
        server.start();
        base = server.base().toURL();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static WebClient signedInPlayer() {
        WebClient player = new WebClient(base);
        HttpResponse<String> signedUp = player.signUp(Names.unique("p"), PASSWORD);
        assertEquals(302, signedUp.statusCode(), signedUp.body());
        assertLobby(player.get("/"));
        return player;
    }

    private static void assertLobby(HttpResponse<String> page) {
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in as"), page.body());
    }

    private static double sessionsCreated() {
        return ServerMetrics.scrape(server.metrics()).value("tictactoe_sessions_created_total");
    }

    // ---- sessions of signed-in players

    /**
     * A client that keeps no session cookie but sends its sign-in cookie is signed in again, in a
     * new session, by every request. The server holds at most ten per player: the older ones are
     * signed out, the newest keep working, and no request fails.
     */
    @Test
    void aClientThatDropsItsSessionCookieHoldsAtMostTenSessions() {
        WebClient player = signedInPlayer();
        String signIn = player.cookie("ttt_signin");
        List<String> sessions = new ArrayList<>();
        for (int request = 0; request < 25; request++) {
            HttpResponse<String> lobby =
                    send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/"))
                            .header("Cookie", "ttt_signin=" + signIn)
                            .build());
            assertEquals(200, lobby.statusCode(), "request " + request);
            assertTrue(lobby.body().contains("Signed in as"), "request " + request);
            sessions.add(lobby.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";", 2)[0])
                    .findFirst()
                    .orElseThrow());
        }
        assertTrue(
                SessionsPerPlayer.MAX_PER_PLAYER <= 10,
                "a bound this test goes past: " + SessionsPerPlayer.MAX_PER_PLAYER);
        for (int i = 0; i < sessions.size(); i++) {
            HttpResponse<String> withSessionOnly =
                    send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/"))
                            .header("Cookie", "JSESSIONID=" + sessions.get(i))
                            .build());
            boolean newest = i >= sessions.size() - SessionsPerPlayer.MAX_PER_PLAYER;
            assertEquals(
                    newest ? 200 : 302, withSessionOnly.statusCode(), "session " + (i + 1) + " of " + sessions.size());
        }
    }

    // ---- the server's own costs

    /**
     * Tyrus schedules an idle timer on every websocket message; on Payara's managed scheduler each
     * one captured the sender's context, so a client sending messages cost far more than its bytes.
     * On the server as shipped the app's own scheduler takes them (SocketIdleTimers).
     */
    @Test
    void websocketIdleTimersRunOnTheApplicationsOwnScheduler() throws IOException {
        String written = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(
                written.contains("Websocket idle timers run on a scheduler of the application's own"),
                "SocketIdleTimers found no Tyrus scheduler to replace:\n"
                        + written.lines()
                                .filter(line -> line.contains("idle timers"))
                                .toList());
    }

    // ---- a flood of visitors

    @Test
    void aFloodOfVisitorsCreatesNoSessionKeepsNoMemoryAndThePlayersLobbyAnswersThroughout() throws Exception {
        WebClient player = signedInPlayer();
        List<String> pages = List.of(
                "/challenge.xhtml?game=" + player.createChallenge(),
                "/challenge.xhtml?game=abc",
                "/signin.xhtml",
                "/signup.xhtml",
                "/signin.xhtml?to=%2Fgame.xhtml%3Fid%3Dabc",
                "/signin.xhtml?signedOut=true",
                "/signin.xhtml?expired=true",
                "/",
                "/index.xhtml",
                "/game.xhtml?id=abc",
                "/error",
                "/not-found",
                "/unavailable",
                "/no-such-page",
                "/api/me/changes",
                "/assets/app.css",
                "/jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces");
        // warm up what the flood will use, so that the heap compared holds loaded classes on both sides
        HttpClient visitor = floodClient();
        for (int round = 0; round < 20; round++) {
            for (String page : pages) {
                send(visitor, page);
            }
            sendRefusedSignIn(visitor);
        }
        long heapBefore = heapAfterFullCollection();
        double sessionsBefore = sessionsCreated();

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flood = Executors.newFixedThreadPool(FLOOD_CONNECTIONS + 1);
        List<Long> lobbyNanos = Collections.synchronizedList(new ArrayList<>());
        List<String> lobbyFailures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> floods = new ArrayList<>();
            for (int connection = 0; connection < FLOOD_CONNECTIONS; connection++) {
                floods.add(flood.submit(() -> {
                    HttpClient client = floodClient();
                    for (int n = sent.getAndIncrement(); n < FLOOD_REQUESTS; n = sent.getAndIncrement()) {
                        int status = n % (pages.size() + 1) == pages.size()
                                ? sendRefusedSignIn(client)
                                : send(client, pages.get(n % (pages.size() + 1)));
                        if (status > 0 && status < 500) {
                            answered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<?> lobby = flood.submit(() -> {
                while (flooding.get()) {
                    long asked = System.nanoTime();
                    HttpResponse<String> page = player.get("/");
                    lobbyNanos.add(System.nanoTime() - asked);
                    if (page.statusCode() != 200 || !page.body().contains("Signed in as")) {
                        lobbyFailures.add(page.statusCode() + "");
                    }
                    Thread.sleep(50);
                }
                return null;
            });
            for (Future<?> each : floods) {
                each.get(4, TimeUnit.MINUTES);
            }
            flooding.set(false);
            lobby.get(1, TimeUnit.MINUTES);
        } finally {
            flooding.set(false);
            flood.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = heapAfterFullCollection();
        double sessionsAfter = sessionsCreated();

        List<Long> sorted = new ArrayList<>(lobbyNanos);
        Collections.sort(sorted);
        System.out.printf(
                "Flood: %d cookie-less requests in %.1f s (%.0f/s) over %d connections, %d answered below 500;"
                        + " sessions created %d; heap after a full collection %.1f MB before, %.1f MB after;"
                        + " the player's lobby meanwhile: %d pages, p50 %.1f ms, p99 %.1f ms%n",
                FLOOD_REQUESTS,
                seconds,
                FLOOD_REQUESTS / seconds,
                FLOOD_CONNECTIONS,
                answered.get(),
                (long) (sessionsAfter - sessionsBefore),
                heapBefore / 1e6,
                heapAfter / 1e6,
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 99));

        assertEquals(FLOOD_REQUESTS, answered.get(), "every request of the flood was answered, none with a 5xx");
        assertEquals(0, sessionsAfter - sessionsBefore, "no session created by the flood");
        assertTrue(
                heapAfter - heapBefore < HEAP_SLACK_BYTES,
                "the heap kept nothing of the flood: " + heapBefore + " -> " + heapAfter + " bytes");
        assertEquals(List.of(), lobbyFailures, "the player's lobby answered all along");
        assertTrue(sorted.size() >= 20, "the lobby was asked throughout the flood: " + sorted.size());
    }

    /**
     * One of the flood's connections: HTTP/1.1 kept alive. (Java's client asks plain-HTTP servers
     * to upgrade to HTTP/2 and then opens a connection per request: the server holds each closed
     * connection until its idle timeout, which a connection flood measures, not this one.)
     */
    private static HttpClient floodClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static int send(HttpClient client, String page) {
        try {
            return client.send(
                            HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + page))
                                    .timeout(TestTimeouts.HTTP_REQUEST)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A sign-in post without the page's token, as a script that never loaded the page sends it. */
    private static int sendRefusedSignIn(HttpClient client) {
        try {
            return client.send(
                            HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/signin.xhtml"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("signin=signin&signin%3Ausername=someone"
                                            + "&signin%3Apassword=whatever1&jakarta.faces.ViewState=stateless"))
                                    .timeout(TestTimeouts.HTTP_REQUEST)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The bytes of live objects in the server's heap (jcmd's class histogram, which makes a full
     * collection first), the lower of two readings.
     */
    private static long heapAfterFullCollection() throws IOException, InterruptedException {
        long lowest = Long.MAX_VALUE;
        for (int reading = 0; reading < 2; reading++) {
            Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(jcmd("GC.class_histogram"));
            assertTrue(total.find(), "the histogram's total");
            lowest = Math.min(lowest, Long.parseLong(total.group(1)));
        }
        return lowest;
    }

    private static String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(server.pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0, "jcmd " + command + ": " + output);
        return output;
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    // ---- more visitors than may wait

    /** Cookie-less clients asking at once, far more than the visitors that may wait for a turn. */
    private static final int CROWDING_VISITORS = 64;

    /**
     * When more visitors wait for a turn than may (TurnGate), the others are answered busy, with the
     * busy page, but only after a pause without a thread (PausedAnswers), so that they neither come
     * straight back nor take the threads the players' requests need; the player's lobby answers
     * meanwhile.
     */
    @Test
    void visitorsBeyondThoseThatMayWaitAreAnsweredBusyAfterAPause() throws Exception {
        WebClient player = signedInPlayer();
        HttpClient visitors =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI signIn = URI.create(base.toString().replaceAll("/$", "") + "/signin.xhtml");
        List<Double> busyAfter = Collections.synchronizedList(new ArrayList<>());
        List<String> busyPages = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService crowd = Executors.newFixedThreadPool(CROWDING_VISITORS);
        List<Double> lobbySeconds = new ArrayList<>();
        try {
            for (int v = 0; v < CROWDING_VISITORS; v++) {
                crowd.execute(() -> {
                    while (running.get()) {
                        long asked = System.nanoTime();
                        try {
                            HttpResponse<String> answer = visitors.send(
                                    HttpRequest.newBuilder(signIn)
                                            .timeout(TestTimeouts.HTTP_REQUEST)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            statuses.computeIfAbsent(answer.statusCode(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (answer.statusCode() == 503) {
                                busyAfter.add((System.nanoTime() - asked) / 1e9);
                                if (busyPages.isEmpty()) {
                                    busyPages.add(answer.body());
                                }
                            }
                        } catch (IOException e) {
                            statuses.computeIfAbsent(-1, k -> new AtomicInteger())
                                    .incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            for (int page = 0; page < 10; page++) {
                Thread.sleep(500);
                long asked = System.nanoTime();
                assertLobby(player.get("/"));
                lobbySeconds.add((System.nanoTime() - asked) / 1e9);
            }
        } finally {
            running.set(false);
            crowd.shutdown();
            assertTrue(crowd.awaitTermination(30, TimeUnit.SECONDS), "the crowd stopped");
        }
        Collections.sort(busyAfter);
        System.out.printf(
                "More visitors than may wait: %d asking at once, answers %s; busy after %.2f to %.2f s;"
                        + " the player's 10 lobby pages meanwhile took %.3f s at most%n",
                CROWDING_VISITORS,
                toCounts(statuses),
                busyAfter.isEmpty() ? Double.NaN : busyAfter.get(0),
                busyAfter.isEmpty() ? Double.NaN : busyAfter.get(busyAfter.size() - 1),
                Collections.max(lobbySeconds));
        assertFalse(busyAfter.isEmpty(), "some visitors answered busy: " + toCounts(statuses));
        assertTrue(
                busyAfter.get(0) >= PausedAnswers.PAUSE.toMillis() / 1000.0 - 0.05,
                "none answered busy before the pause: " + busyAfter.subList(0, Math.min(5, busyAfter.size())));
        assertTrue(busyPages.get(0).contains("http-equiv=\"refresh\""), "the busy page, which tries again");
        assertFalse(statuses.containsKey(-1), "every visitor answered: " + toCounts(statuses));
        assertTrue(
                Collections.max(lobbySeconds) < PausedAnswers.PAUSE.toSeconds(),
                "the player's pages came meanwhile: " + lobbySeconds);
    }

    // ---- slow clients

    /**
     * Twenty clients send a form's head, then four bytes every three seconds. The server waits for
     * such bodies on two threads at most and for five seconds at most (FormBodies): each is answered
     * 408 and let go within seconds, and the player's lobby answers meanwhile.
     */
    @Test
    void slowClientsAreCutOffWhileThePlayerGetsItsPages() throws Exception {
        WebClient player = signedInPlayer();
        URI app = server.base();
        List<Socket> slow = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(21);
        try {
            List<Future<Double>> cutOffAfter = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket(app.getHost(), app.getPort());
                socket.setSoTimeout(30_000);
                socket.getOutputStream()
                        .write(("POST /signin.xhtml HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nsignin=signin")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
                long opened = System.nanoTime();
                cutOffAfter.add(readers.submit(() -> {
                    InputStream in = socket.getInputStream();
                    String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    double after = (System.nanoTime() - opened) / 1e9;
                    assertTrue(answer.startsWith("HTTP/1.1 408"), "cut off with a 408: " + answer);
                    assertTrue(answer.contains("Content-Length: 0"), "and no page: " + answer);
                    return after;
                }));
            }
            Future<?> trickle = readers.submit(() -> {
                for (int round = 0; round < 5; round++) {
                    Thread.sleep(3000);
                    for (Socket socket : slow) {
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write("aaaa".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        } catch (IOException cutOff) {
                            // the server let it go
                        }
                    }
                }
                return null;
            });
            List<Double> lobbySeconds = new ArrayList<>();
            for (int page = 0; page < 5; page++) {
                long asked = System.nanoTime();
                assertLobby(player.get("/"));
                lobbySeconds.add((System.nanoTime() - asked) / 1e9);
                Thread.sleep(500);
            }
            List<Double> cutOff = new ArrayList<>();
            for (Future<Double> each : cutOffAfter) {
                cutOff.add(each.get(30, TimeUnit.SECONDS));
            }
            trickle.cancel(true);
            Collections.sort(cutOff);
            System.out.printf(
                    "Slow clients: 20 cut off after %.1f to %.1f s; the player's 5 lobby pages meanwhile took"
                            + " %.3f s at most%n",
                    cutOff.get(0), cutOff.get(cutOff.size() - 1), Collections.max(lobbySeconds));
            double limit = FormBodies.DEADLINE.toSeconds() + PausedAnswers.PAUSE.toSeconds() + 2;
            assertTrue(
                    cutOff.get(cutOff.size() - 1) <= limit,
                    "every slow client cut off within " + limit + " s: " + cutOff);
            assertTrue(
                    cutOff.get(0) >= PausedAnswers.PAUSE.toMillis() / 1000.0 - 0.05,
                    "none answered before the pause, so none comes straight back: " + cutOff);
            assertTrue(
                    Collections.max(lobbySeconds) < FormBodies.DEADLINE.toSeconds(),
                    "the player's pages came within the cut-off: " + lobbySeconds);
        } finally {
            readers.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    // ---- connections opened and closed

    /** Connections a churning client opens and closes; far more than a server holds at once. */
    private static final int CHURNED_CONNECTIONS = 4_000;
    /** More than before that the server may still hold once they are all closed: a few in passing. */
    private static final int MORE_CONNECTIONS_LEFT_AT_MOST = 200;

    /**
     * A client that opens a connection, sends one request and closes it, as fast as it can: half
     * ask a page by keep-alive and close the connection after the answer, half ask it with
     * {@code Connection: close} and the server closes it. Payara's Grizzly kept each such
     * connection on its keep-alive queue for 30 s, which at this pace filled the heap within
     * seconds and stopped the server; with ClosedConnections a closed connection is let go within a
     * second or two.
     */
    @Test
    void connectionsOpenedAndClosedAtOnceAreLetGoWithinSeconds() throws Exception {
        assertEquals(200, send(HttpClient.newHttpClient(), "/signin.xhtml"), "the app has seen its port");
        URI app = server.base();
        // Earlier tests' clients may keep connections open: only what the churn leaves counts.
        int before = liveInstances("org.glassfish.grizzly.nio.transport.TCPNIOConnection");
        byte[] page = ("GET /signin.xhtml HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pageThenClose = ("GET /signin.xhtml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long started = System.nanoTime();
        Map<String, Integer> answers = eachOnEightThreads(CHURNED_CONNECTIONS, n -> {
            try (Socket socket = new Socket(app.getHost(), app.getPort())) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(n % 2 == 0 ? page : pageThenClose);
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                return e.getClass().getSimpleName();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(3000);
        int left = liveInstances("org.glassfish.grizzly.nio.transport.TCPNIOConnection");
        System.out.printf(
                "Connections opened and closed: %d in %.1f s (%s); 3 s later the server's heap holds %d connections,"
                        + " %d before%n",
                CHURNED_CONNECTIONS, seconds, answers, left, before);
        assertEquals(Map.of("HTTP/1.1 200", CHURNED_CONNECTIONS), answers, "every page answered");
        assertTrue(
                left - before <= MORE_CONNECTIONS_LEFT_AT_MOST,
                left + " connections held 3 s after " + CHURNED_CONNECTIONS + " were closed, " + before + " before");
        assertLobby(signedInPlayer().get("/"));
    }

    /** How many instances of {@code className} the server's heap holds after a full collection. */
    private static int liveInstances(String className) throws IOException, InterruptedException {
        Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "\\s*$")
                .matcher(jcmd("GC.class_histogram"));
        return row.find() ? Integer.parseInt(row.group(1)) : 0;
    }

    // ---- the log under a flood of failures

    /**
     * A client whose requests all fail, as fast as it can: the log gets the budget's lines
     * (FailedRequestLog: a burst, then a few a second) and one line that counts the rest, not a line
     * each.
     */
    @Test
    void aFloodOfFailedRequestsGetsAFewLinesAndOneThatCountsTheRest() throws Exception {
        int requests = 2_000;
        long logFrom = Files.size(log);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = eachOnEightThreads(requests, n -> send(client, "/signin.xhtml?name=%C3%28"));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(Map.of(400, requests), statuses, "every one refused as malformed");
        Thread.sleep(FailedRequestLog.SUMMARY_EVERY.toMillis() + 2000);

        String written = readFrom(log, logFrom);
        // The log names the path, not the query; no other request fails meanwhile.
        long ownLines = written.lines()
                .filter(line -> line.contains("Request failed [ref ") && line.contains(" 400 GET /signin.xhtml "))
                .count();
        long counted = 0;
        Matcher summary = Pattern.compile(
                        "Requests failed without a line of their own[^:]*: \\d+, by status \\{[^}]*400=(\\d+)")
                .matcher(written);
        while (summary.find()) {
            counted += Long.parseLong(summary.group(1));
        }
        System.out.printf(
                "A flood of failures: %d refused in %.1f s; %d lines of their own, %d counted in summaries%n",
                requests, seconds, ownLines, counted);
        long allowed = FailedRequestLog.BURST + (long) Math.ceil(seconds * FailedRequestLog.LINES_PER_SECOND) + 1;
        assertTrue(ownLines >= 1 && ownLines <= allowed, ownLines + " lines of their own, at most " + allowed);
        assertTrue(
                counted >= requests - ownLines,
                "the rest counted: " + counted + " of " + (requests - ownLines) + " in\n" + lastLines(written));
    }

    /** Runs {@code one} for 0 to {@code count} - 1, on eight threads at once; how often each answer came. */
    private static <A> Map<A, Integer> eachOnEightThreads(int count, IntFunction<A> one) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Map<A, AtomicInteger> answers = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(threads.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        answers.computeIfAbsent(one.apply(n), a -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get(3, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return toCounts(answers);
    }

    private static <K> Map<K, Integer> toCounts(Map<K, AtomicInteger> counters) {
        Map<K, Integer> counts = new HashMap<>();
        counters.forEach((key, value) -> counts.put(key, value.get()));
        return counts;
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    // ---- malformed requests

    /** A request as a client writes it, byte for byte: some of these no HTTP library would send. */
    private record Malformed(
            String what, String method, String target, String cookie, String contentType, String body) {

        static Malformed get(String what, String target, String cookie) {
            return new Malformed(what, "GET", target, cookie, null, null);
        }

        static Malformed post(String what, String target, String contentType, String body) {
            return new Malformed(what, "POST", target, null, contentType, body);
        }
    }

    /** The server's answer: status, Set-Cookie headers, request reference and body. */
    private record Answer(int status, List<String> cookies, String reference, String body) {}

    @Test
    void malformedRequestsAreRefusedWithOneLogLineEachNoTraceAndChangeNothing() throws Exception {
        WebClient player = signedInPlayer();
        String session = player.sessionId();
        assertNotNull(session);
        String newcomer = Names.unique("n");
        String signUpBody = "signup=signup&signup%3Ausername=" + newcomer + "&signup%3Apassword=correct+horse"
                + "&signup%3Aagain=correct+horse&jakarta.faces.ViewState=stateless";
        List<Malformed> sweep = new ArrayList<>();
        for (Map.Entry<String, String> parameter : Map.of(
                        "jakarta.faces.RenderKitId",
                        "NOPE",
                        "jakarta.faces.ViewState",
                        "12:ab",
                        "jakarta.faces.ClientWindow",
                        "x",
                        "jakarta.faces.partial.ajax",
                        "maybe",
                        "jakarta.faces.partial.execute",
                        "<script>",
                        "jakarta.faces.partial.render",
                        "a\nb",
                        "jakarta.faces.source",
                        "'",
                        "jakarta.faces.partial.event",
                        "click()",
                        "jakarta.faces.behavior.event",
                        "9",
                        "jakarta.faces.partial.resetValues",
                        "yes")
                .entrySet()) {
            for (String page : List.of("/signin.xhtml", "/index.xhtml")) {
                sweep.add(Malformed.get(
                        parameter.getKey() + " on " + page,
                        page + "?" + parameter.getKey() + "="
                                + java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8),
                        "JSESSIONID=" + session));
            }
        }
        sweep.add(Malformed.get(
                "a Faces parameter twice",
                "/signin.xhtml?jakarta.faces.RenderKitId=HTML_BASIC&jakarta.faces.RenderKitId=HTML_BASIC",
                null));
        sweep.add(Malformed.get("an unknown Faces parameter", "/signin.xhtml?jakarta.faces.FlowId=x", null));
        sweep.add(Malformed.post(
                "a Faces parameter in a form",
                "/signup.xhtml",
                "application/x-www-form-urlencoded",
                signUpBody + "&jakarta.faces.RenderKitId=NOPE"));
        sweep.add(Malformed.get("a malformed escape in the query", "/signin.xhtml?x=%zz", null));
        sweep.add(Malformed.get("not UTF-8 in the query", "/signin.xhtml?x=%C3%28", null));
        sweep.add(Malformed.post(
                "a malformed escape in a form",
                "/signup.xhtml",
                "application/x-www-form-urlencoded",
                signUpBody + "&x=%zz"));
        sweep.add(Malformed.post(
                "not UTF-8 in a form", "/signup.xhtml", "application/x-www-form-urlencoded", signUpBody + "&x=%FF%FE"));
        sweep.add(Malformed.post(
                "a form over the size limit",
                "/signup.xhtml",
                "application/x-www-form-urlencoded",
                signUpBody + "&x=" + "a".repeat(3 * 1024 * 1024)));
        sweep.add(Malformed.post(
                "a lobby form over the size limit",
                "/index.xhtml",
                "application/x-www-form-urlencoded",
                "x=" + "a".repeat(PostbackGuard.MAX_FORM_BYTES + 1)));
        sweep.add(Malformed.post("a page posted as JSON", "/signup.xhtml", "application/json", "{}"));
        sweep.add(Malformed.post("a page posted as text", "/signin.xhtml", "text/plain", signUpBody));
        sweep.add(Malformed.post(
                "a page posted as an upload", "/signin.xhtml", "multipart/form-data; boundary=x", "--x--"));
        sweep.add(Malformed.post("a page posted without a type", "/signin.xhtml", null, signUpBody));
        sweep.add(Malformed.post(
                "a page posted in chunks", "/signup.xhtml", "application/x-www-form-urlencoded ; chunked", signUpBody));
        for (String page :
                List.of("/index.xhtml", "/", "/signin.xhtml", "/game.xhtml", "/api/me/changes", "/assets/app.css")) {
            sweep.add(Malformed.get(
                    "the player's session id in the address of " + page, page + ";jsessionid=" + session, null));
        }
        int gamesBefore;
        try (StoredGames stored = StoredGames.open()) {
            gamesBefore = stored.all().size();
        }
        double sessionsBefore = sessionsCreated();
        // Tests before this one may have spent the log's budget; it is whole again after this long.
        Thread.sleep(TimeUnit.SECONDS.toMillis(FailedRequestLog.BURST / FailedRequestLog.LINES_PER_SECOND) + 500);
        long logFrom = Files.size(log);

        List<String> references = new ArrayList<>();
        for (Malformed malformed : sweep) {
            Answer answer = send(malformed);
            assertTrue(answer.status() >= 400 && answer.status() < 500, malformed.what() + ": " + answer.status());
            assertTrue(
                    answer.cookies().stream().noneMatch(cookie -> cookie.startsWith("JSESSIONID")),
                    malformed.what() + " created no session");
            assertFalse(answer.body().contains("Signed in as"), malformed.what() + " found no session");
            assertFalse(answer.body().contains("Exception"), malformed.what());
            assertNotNull(answer.reference(), malformed.what() + " has a reference");
            references.add(answer.reference());
        }

        try (StoredGames stored = StoredGames.open()) {
            assertEquals(gamesBefore, stored.all().size(), "no game written");
        }
        assertEquals(0, sessionsCreated() - sessionsBefore, "no session created");
        assertEquals(
                302,
                new WebClient(base).signUp(newcomer, PASSWORD).statusCode(),
                "the malformed sign-ups created no account: the name is still free");
        String written = waitForLines(logFrom, references);
        for (int i = 0; i < sweep.size(); i++) {
            String reference = "[ref " + references.get(i) + "]";
            int lines = written.split(Pattern.quote(reference), -1).length - 1;
            assertEquals(1, lines, sweep.get(i).what() + ": one log line, " + lines + " found");
        }
        assertFalse(
                written.contains("\tat ") || written.contains("Exception"), "no stack trace in the log:\n" + written);
        assertFalse(written.contains("GRIZZLY0"), "no message of the container's about a request:\n" + written);
        assertLobby(player.get("/"));
    }

    /** Sends the request on a connection of its own, closed after the answer. */
    private static Answer send(Malformed request) throws IOException {
        URI app = server.base();
        try (Socket socket = new Socket(app.getHost(), app.getPort())) {
            socket.setSoTimeout(30_000);
            boolean chunked =
                    request.contentType() != null && request.contentType().endsWith("; chunked");
            String contentType = chunked
                    ? request.contentType().substring(0, request.contentType().indexOf(" ;"))
                    : request.contentType();
            byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.US_ASCII);
            StringBuilder head = new StringBuilder(request.method())
                    .append(' ')
                    .append(request.target())
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(app.getPort())
                    .append("\r\nConnection: close\r\n");
            if (request.cookie() != null) {
                head.append("Cookie: ").append(request.cookie()).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (request.body() != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                if (chunked) {
                    out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedBeforeTheEnd) {
                // a body refused by its length is not read: the answer is already on its way
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            assertTrue(end > 0, request.what() + ": an answer, not " + answer);
            List<String> cookies = new ArrayList<>();
            String reference = null;
            for (String line : answer.substring(0, end).split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("set-cookie:")) {
                    cookies.add(line.substring("set-cookie:".length()).trim());
                } else if (lower.startsWith("x-request-id:")) {
                    reference = line.substring("x-request-id:".length()).trim();
                }
            }
            return new Answer(Integer.parseInt(answer.substring(9, 12)), cookies, reference, answer.substring(end + 4));
        }
    }

    /** What the server logged from {@code offset} on, once every reference is in it (log lines are written a little later). */
    private static String waitForLines(long offset, List<String> references) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String written;
        do {
            Thread.sleep(200);
            byte[] all = Files.readAllBytes(log);
            written = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } while (!references.stream().allMatch(written::contains) && System.nanoTime() < deadline);
        return written;
    }

    // ---- forms read by the app

    /**
     * PostbackGuard reads a form's body itself (StrictForm): nothing may then wait for that body
     * from the container, which would answer only after its read timeout (Weld looking up its
     * conversation parameter did, on every re-rendered form).
     */
    @Test
    void aFormShownAgainIsAnsweredWithoutWaitingForItsBody() {
        WebClient visitor = new WebClient(base);
        for (int attempt = 0; attempt < 3; attempt++) {
            visitor.get("/signup.xhtml");
            long sent = System.nanoTime();
            HttpResponse<String> refused = visitor.post(
                    "/signup.xhtml",
                    WebClient.form(
                            "signup",
                            "signup",
                            "tictactoe-visitor",
                            visitor.visitorToken(),
                            "signup:username",
                            Names.unique("d"),
                            "signup:password",
                            PASSWORD,
                            "signup:again",
                            PASSWORD + "!",
                            "signup:submit",
                            "Create account",
                            "jakarta.faces.ViewState",
                            visitor.viewState()));
            double seconds = (System.nanoTime() - sent) / 1e9;
            assertEquals(200, refused.statusCode());
            assertTrue(refused.body().contains("The two passwords differ."), refused.body());
            assertTrue(
                    seconds < 1.5, "answered at once, not after the transport's 2 s read timeout: " + seconds + " s");
        }
    }

    // ---- sign-ins

    /**
     * Eight tabs of one browser sign in to one account at the same moment. From an address of its
     * own (BoundWebClient), so that no other test's failures from 127.0.0.1 are counted with it.
     */
    @Test
    void correctSignInsSentAtOnceAllSucceedAndCountNothing() throws Exception {
        String name = Names.unique("tabs");
        assertEquals(302, new WebClient(base).signUp(name, PASSWORD).statusCode());
        String address = "127." + ThreadLocalRandom.current().nextInt(2, 250) + "."
                + ThreadLocalRandom.current().nextInt(2, 250) + "."
                + ThreadLocalRandom.current().nextInt(2, 250);
        int tabs = 8;
        List<BoundWebClient> browsers = new ArrayList<>();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            BoundWebClient tab = new BoundWebClient(base, address);
            String page = tab.get("/signin.xhtml").body();
            forms.add(WebClient.form(
                    "signin",
                    "signin",
                    "tictactoe-visitor",
                    field(page, "tictactoe-visitor"),
                    "signin:username",
                    name,
                    "signin:password",
                    PASSWORD,
                    "signin:submit",
                    "Sign in",
                    "jakarta.faces.ViewState",
                    field(page, "jakarta.faces.ViewState")));
            browsers.add(tab);
        }
        CountDownLatch ready = new CountDownLatch(tabs);
        ExecutorService clicks = Executors.newFixedThreadPool(tabs);
        List<Future<BoundWebClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < tabs; i++) {
                BoundWebClient tab = browsers.get(i);
                Map<String, String> form = forms.get(i);
                answers.add(clicks.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return tab.post("/signin.xhtml", form);
                }));
            }
            for (Future<BoundWebClient.Response> answer : answers) {
                BoundWebClient.Response signedIn = answer.get(1, TimeUnit.MINUTES);
                assertEquals(302, signedIn.status(), "signed in: " + signedIn.body());
            }
        } finally {
            clicks.shutdownNow();
        }
        for (BoundWebClient tab : browsers) {
            BoundWebClient.Response lobby = tab.get("/");
            assertEquals(200, lobby.status());
            assertTrue(lobby.body().contains("Signed in as"), lobby.body());
        }
        // Nothing was counted: the whole allowance of failures is still there, and not one more.
        int allowed = AttemptLimits.Limit.ACCOUNT_FROM_ADDRESS.max();
        for (int failure = 1; failure <= allowed; failure++) {
            BoundWebClient.Response wrong = new BoundWebClient(base, address).signIn(name, "not the password");
            assertTrue(
                    wrong.body().contains("Wrong username or password."),
                    "failure " + failure + " is checked: " + wrong.body());
        }
        BoundWebClient.Response limited = new BoundWebClient(base, address).signIn(name, "not the password");
        assertTrue(limited.body().contains("Too many failed attempts for this account"), limited.body());
    }

    private static String field(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(page);
        assertTrue(value.find(), "no " + name + " on the page: " + page);
        return value.group(1);
    }

    @Test
    void anotherSitesSignInAndSignUpPostsAreRefused() {
        String name = Names.unique("victim");
        assertEquals(302, new WebClient(base).signUp(name, PASSWORD).statusCode());
        String root = base.toString().replaceAll("/$", "");
        for (String page : List.of("/signin.xhtml", "/signup.xhtml")) {
            String attackersAccount = Names.unique("atk");
            for (String[] headers : new String[][] {
                {"Origin", "http://evil.example"},
                {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site"},
                {"Origin", "null"}
            }) {
                // Even with the browser's own token and cookie, which another site cannot have:
                WebClient browser = new WebClient(base);
                browser.get(page);
                Map<String, String> form = page.equals("/signin.xhtml")
                        ? WebClient.form(
                                "signin",
                                "signin",
                                "tictactoe-visitor",
                                browser.visitorToken(),
                                "signin:username",
                                name,
                                "signin:password",
                                PASSWORD,
                                "signin:submit",
                                "Sign in",
                                "jakarta.faces.ViewState",
                                "stateless")
                        : WebClient.form(
                                "signup",
                                "signup",
                                "tictactoe-visitor",
                                browser.visitorToken(),
                                "signup:username",
                                attackersAccount,
                                "signup:password",
                                PASSWORD,
                                "signup:again",
                                PASSWORD,
                                "signup:submit",
                                "Create account",
                                "jakarta.faces.ViewState",
                                "stateless");
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(root + page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header(headers[0], headers[1])
                        .header("Cookie", "ttt_form=" + browser.cookie("ttt_form"))
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build());
                assertRefused(answer, page + " with " + headers[0] + ": " + headers[1]);
            }
            // What a cross-site post really carries: no SameSite=Strict cookie, and a token it made up.
            WebClient browser = new WebClient(base);
            browser.get(page);
            HttpResponse<String> withoutCookie = send(HttpRequest.newBuilder(URI.create(root + page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(
                            page.equals("/signin.xhtml")
                                    ? WebClient.form(
                                            "signin",
                                            "signin",
                                            "tictactoe-visitor",
                                            browser.visitorToken(),
                                            "signin:username",
                                            name,
                                            "signin:password",
                                            PASSWORD,
                                            "jakarta.faces.ViewState",
                                            "stateless")
                                    : WebClient.form(
                                            "signup",
                                            "signup",
                                            "tictactoe-visitor",
                                            browser.visitorToken(),
                                            "signup:username",
                                            attackersAccount,
                                            "signup:password",
                                            PASSWORD,
                                            "signup:again",
                                            PASSWORD,
                                            "jakarta.faces.ViewState",
                                            "stateless"))))
                    .build());
            assertRefused(withoutCookie, page + " without the cookie");
            if (page.equals("/signup.xhtml")) {
                assertEquals(
                        302,
                        new WebClient(base).signUp(attackersAccount, PASSWORD).statusCode(),
                        "no account was created by the refused posts");
            }
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String what) {
        assertEquals(302, answer.statusCode(), what);
        assertTrue(answer.headers().firstValue("Location").orElse("").endsWith("?expired=true"), what);
        assertNull(
                answer.headers().allValues("Set-Cookie").stream()
                        .filter(cookie -> cookie.startsWith("JSESSIONID") || cookie.startsWith("ttt_signin"))
                        .findFirst()
                        .orElse(null),
                what + ": nobody signed in");
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TestTimeouts.HTTP_CONNECT)
                    .build()
                    .send(TestTimeouts.bounded(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
