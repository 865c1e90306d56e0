package com.tictactoe.web;

import static com.tictactoe.testsupport.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.PushSockets;
import com.tictactoe.testsupport.PushSockets.Inbox;
import com.tictactoe.testsupport.ServerMetrics;
import com.tictactoe.testsupport.TestTimeouts;
import com.tictactoe.testsupport.WebClient;
import com.tictactoe.web.live.SocketLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server answers to requests that try its edges: its own endpoints (health public,
 * metrics only on their own listener, no OpenAPI), a forged Host,
 * forms sent the wrong way, malformed bodies. Every answer is a 4xx with the security headers,
 * never a 500, a foreign host or an internal.
 *
 * <p>Sessions, on the same server: cookies, caching, the language switch and the push websocket, seen from outside over real HTTP: what a careless
 * browser, another site's page and another player can get from a player's session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerHardeningIT {

    private static final String PASSWORD = "s3cret-enough";
    private static final Pattern SOCKET_SCRIPT = Pattern.compile("faces\\.push\\.init\\([^)]*\\)");
    private static final Pattern CHANNEL_URL = Pattern.compile("'([^']*/jakarta\\.faces\\.push/updates\\?[^']+)'");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    private WebClient signedInPlayer() {
        WebClient player = new WebClient(base);
        player.signUp("p-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        assertEquals(200, player.get("/").statusCode());
        return player;
    }

    /**
     * The Content-Security-Policy, directive by directive, exactly: a directive dropped, added or
     * loosened (another source, a wildcard, 'unsafe-eval') fails the test. Faces needs
     * 'unsafe-inline' for scripts and styles (see SecurityHeadersFilter); nothing else is allowed.
     */
    private static final Map<String, List<String>> CONTENT_SECURITY_POLICY = Map.of(
            "default-src", List.of("'self'"),
            "script-src", List.of("'self'", "'unsafe-inline'"),
            "style-src", List.of("'self'", "'unsafe-inline'"),
            "img-src", List.of("'self'", "data:"),
            "connect-src", List.of("'self'"),
            "object-src", List.of("'none'"),
            "base-uri", List.of("'self'"),
            "form-action", List.of("'self'"),
            "frame-ancestors", List.of("'none'"));

    /** The other headers SecurityHeadersFilter sets, each with its one exact value. */
    private static final Map<String, String> EXACT_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    private static void assertSecurityHeaders(HttpResponse<String> response, String what) {
        EXACT_HEADERS.forEach((header, value) -> assertEquals(
                List.of(value), response.headers().allValues(header), what + ": " + header + ", once, exactly"));
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), what + ": one Content-Security-Policy, not " + policies);
        assertEquals(CONTENT_SECURITY_POLICY, directives(policies.get(0)), what + ": " + policies.get(0));
        // Strict-Transport-Security only over HTTPS (the filter asks request.isSecure()); the tests speak HTTP.
        assertEquals(
                List.of(),
                response.headers().allValues("Strict-Transport-Security"),
                what + ": no HSTS over plain HTTP");
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), what + " lacks X-Request-Id");
    }

    /** A policy's directives by name, each with its sources in order; a repeated directive fails. */
    private static Map<String, List<String>> directives(String policy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            List<String> words = List.of(directive.trim().split("\\s+"));
            if (words.get(0).isEmpty()) {
                continue;
            }
            List<String> before = directives.put(words.get(0).toLowerCase(Locale.ROOT), words.subList(1, words.size()));
            assertEquals(null, before, "directive given twice: " + policy);
        }
        return directives;
    }

    @Test
    void metricsAreServedOnlyOnTheirOwnListenerAndOpenApiNotAtAll() {
        WebClient player = signedInPlayer();
        String root = URI.create(base.toString()).resolve("/").toString();
        HttpClient http = HttpClient.newHttpClient();
        for (String path :
                List.of("metrics", "metrics/base", "metrics/application", "metrics?scope=application", "openapi")) {
            // The server's endpoints live at the server's root, whatever the app's context root.
            for (HttpRequest.Builder request : List.of(
                    HttpRequest.newBuilder(URI.create(root + path)),
                    HttpRequest.newBuilder(URI.create(root + path)).header("Cookie", player.cookieHeader()))) {
                HttpResponse<String> response = send(http, request.build());
                assertTrue(
                        response.statusCode() == 404 || response.statusCode() == 403,
                        path + ": " + response.statusCode());
                assertFalse(
                        response.body().contains("# TYPE")
                                || response.body().contains("jvm")
                                || response.body().contains("tictactoe_")
                                || response.body().contains("openapi:"),
                        path);
            }
        }
        ServerMetrics metrics = ServerMetrics.scrape();
        assertTrue(metrics.has("tictactoe_dynamodb_calls_total"), "the metrics listener serves them");
        for (WebClient client : List.of(new WebClient(base), player)) {
            HttpResponse<String> wadl = client.get("/api/application.wadl");
            assertTrue(wadl.statusCode() == 404 || wadl.statusCode() == 401, "WADL: " + wadl.statusCode());
            assertFalse(wadl.body().contains("jersey"), wadl.body());
        }
        assertEquals(404, player.get("/api/application.wadl").statusCode());
    }

    @Test
    void anyoneCanReadHealthAsUpOrDownPerCheckAndNothingMore() {
        String root = URI.create(base.toString()).resolve("/").toString();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("health", "health/live", "health/ready")) {
            HttpResponse<String> response =
                    send(http, HttpRequest.newBuilder(URI.create(root + path)).build());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            // Nothing but names and states: no endpoint, table, version or error.
            String withoutChecks = response.body()
                    .replaceAll("\\{\"name\":\"(application|dynamodb)\",\"status\":\"UP\"(,\"data\":\\{})?}", "");
            assertTrue(withoutChecks.matches("\\{\"status\":\"UP\",\"checks\":\\[,?]}"), path + ": " + response.body());
        }
        assertTrue(send(
                        http,
                        HttpRequest.newBuilder(URI.create(root + "health/ready"))
                                .build())
                .body()
                .contains("dynamodb"));
        assertTrue(send(
                        http,
                        HttpRequest.newBuilder(URI.create(root + "health/live")).build())
                .body()
                .contains("application"));
    }

    /**
     * Clients that send a form's head and never its body take no more than two request threads
     * (FormBodies), each for a few seconds: the players' port answers meanwhile, and so does the
     * metrics port, on a pool of its own. HostileClientsIT cuts off clients that trickle a body.
     */
    @Test
    void unfinishedFormsLeaveBothPortsAnswering() throws Exception {
        URI app = URI.create(base.toString());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest appLive = HttpRequest.newBuilder(app.resolve("/health/live"))
                .timeout(Duration.ofSeconds(3))
                .build();
        HttpRequest probeLive = HttpRequest.newBuilder(ServerMetrics.endpoint().resolve("/health/live"))
                .timeout(Duration.ofSeconds(3))
                .build();
        List<Socket> unfinished = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket(app.getHost(), app.getPort());
                socket.getOutputStream()
                        .write(("POST " + app.getPath() + "signin.xhtml HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nsignin=signin")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                unfinished.add(socket);
            }
            Thread.sleep(1000);
            for (HttpRequest live : List.of(appLive, probeLive)) {
                HttpResponse<String> answer = http.send(live, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"status\":\"UP\""), answer.body());
            }
        } finally {
            for (Socket socket : unfinished) {
                socket.close();
            }
        }
    }

    /**
     * Neither listener names the server or its JVM (Payara's second listener did, by default), and
     * neither takes a plain connection's upgrade to HTTP/2, whose streams Grizzly kept after the
     * connection ended (see deploy/payara-preboot.asadmin).
     */
    @Test
    void noListenerAnnouncesTheServerOrUpgradesToHttp2() throws IOException {
        URI app = URI.create(base.toString());
        URI metrics = ServerMetrics.endpoint();
        for (String[] request : new String[][] {
            {app.toString(), app.getPath() + "signin.xhtml"},
            {app.toString(), "/health/live"},
            {metrics.toString(), "/metrics"},
            {metrics.toString(), "/health/live"}
        }) {
            URI server = URI.create(request[0]);
            String answer = rawRequest(
                    server,
                    "GET " + request[1] + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                            + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n"
                            + "\r\n");
            assertTrue(
                    answer.startsWith("HTTP/1.1 200"),
                    request[1] + " on " + server.getPort() + ": not upgraded: "
                            + answer.lines().findFirst().orElse(""));
            assertEquals("", header(answer, "X-Powered-By"), request[1] + " on " + server.getPort());
            assertEquals("", header(answer, "Server"), request[1] + " on " + server.getPort());
        }
    }

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws IOException {
        URI uri = URI.create(base.toString());
        String answer = rawGet(uri, uri.getPath(), "evil.example");
        String location = header(answer, "Location");
        assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
        assertFalse(location.contains("evil.example"), location);
        assertTrue(location.startsWith("/") && !location.startsWith("//"), location);
        assertTrue(location.endsWith("/signin.xhtml"), location);
    }

    @Test
    void aFormSentByGetIsRefusedAndDoesNothing() {
        WebClient player = signedInPlayer();
        String viewState = player.viewState();
        HttpResponse<String> answer = player.get("/index.xhtml?invite=invite&invite:opponent=nobody&invite:send=Invite"
                + "&jakarta.faces.ViewState=" + viewState.replace(":", "%3A"));
        assertEquals(405, answer.statusCode());
        assertEquals("POST", answer.headers().firstValue("Allow").orElse(""));
        assertSecurityHeaders(answer, "405");
        assertTrue(answer.body().contains("reference <code>"), answer.body());
        HttpResponse<String> lobby = player.get("/");
        assertFalse(lobby.body().contains("Waiting for"), "no invitation was sent");
    }

    @Test
    void malformedRequestsAnswerFourHundredsWithTheHeaders() {
        WebClient player = signedInPlayer();
        // A view state "stateless" for a page that has no forms: no page of ours sends it
        HttpResponse<String> stateless = player.post(
                "/elsewhere.xhtml",
                form("game", "game", "gameId", UUID.randomUUID().toString(), "jakarta.faces.ViewState", "stateless"));
        assertEquals(400, stateless.statusCode());
        assertSecurityHeaders(stateless, "400");
        assertFalse(stateless.body().contains("Exception"));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> multipart = send(
                http,
                HttpRequest.newBuilder(URI.create(base + "index.xhtml"))
                        .header("Content-Type", "multipart/form-data; boundary=XYZ")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "--XYZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"))
                        .build());
        assertEquals(415, multipart.statusCode());
        assertSecurityHeaders(multipart, "415");

        HttpResponse<String> anonymous = new WebClient(base).get("/");
        assertEquals(302, anonymous.statusCode());
        assertSecurityHeaders(anonymous, "an anonymous redirect");
        assertSecurityHeaders(player.get("/"), "the lobby");
        assertSecurityHeaders(player.get("/assets/app.css"), "a static file");
        assertSecurityHeaders(player.get("/no/such/page.html"), "404");
    }

    @Test
    void theApiAnswersErrorsInJson() throws IOException {
        WebClient player = signedInPlayer();
        HttpResponse<String> moveByGet = player.get("/api/games/" + UUID.randomUUID() + "/moves/TopLeft");
        assertEquals(405, moveByGet.statusCode());
        assertEquals("POST", moveByGet.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> htmlOnly = player.getAccepting("/api/me/changes", "text/html");
        assertEquals(406, htmlOnly.statusCode());
        for (HttpResponse<String> answer : List.of(
                new WebClient(base).get("/api/me/changes"),
                player.get("/api/no-such-thing"),
                player.get("/api/games//version"),
                moveByGet,
                htmlOnly)) {
            assertTrue(List.of(401, 404, 405, 406).contains(answer.statusCode()), String.valueOf(answer.statusCode()));
            assertTrue(
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    answer.headers().toString());
            assertTrue(answer.body().matches("\\{.*\"error\":\".+\".*}"), answer.body());
            assertTrue(
                    answer.body()
                            .contains(
                                    answer.headers().firstValue("X-Request-Id").orElseThrow()),
                    answer.body());
            assertSecurityHeaders(answer, "/api " + answer.statusCode());
        }
        player.get("/");
        URI server = URI.create(base.toString());
        String malformed = rawRequest(
                server,
                "POST " + server.getPath() + "api/invitations?opponent=%ZZ HTTP/1.1\r\nHost: " + server.getAuthority()
                        + "\r\nCookie: " + player.cookieHeader() + "\r\nX-Tictactoe-Token: " + player.formToken()
                        + "\r\nAccept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(
                malformed.startsWith("HTTP/1.1 400") && malformed.contains("Content-Type: application/json"),
                "an escape no browser writes: " + malformed);
    }

    @Test
    void errorPagesWorkAtAnyDepth() {
        HttpResponse<String> deep = signedInPlayer().get("/a/b/c/d.html");
        assertEquals(404, deep.statusCode());
        String context = URI.create(base.toString()).getPath().replaceAll("/$", "");
        assertTrue(deep.body().contains("href=\"" + context + "/assets/app.css\""), deep.body());
        assertTrue(deep.body().contains("href=\"" + context + "/\">Back to the lobby"), deep.body());
    }

    @Test
    void afterSigningInThePlayerReturnsOnlyToAnAddressOfThisSite() {
        String name = "r-" + UUID.randomUUID().toString().substring(0, 8);
        new WebClient(base).signUp(name, PASSWORD);
        String context = URI.create(base.toString()).getPath().replaceAll("/$", "");
        for (String[] attempt : new String[][] {
            {"/game.xhtml?id=123", context + "/game.xhtml?id=123"},
            {"//evil.example/", context + "/"},
            {"https://evil.example/", context + "/"},
            {"/\\evil.example", context + "/"},
            {"/signin.xhtml", context + "/"},
            {"/" + "x".repeat(500), context + "/"}
        }) {
            WebClient player = new WebClient(base);
            player.get("/signin.xhtml?to=" + java.net.URLEncoder.encode(attempt[0], StandardCharsets.UTF_8));
            HttpResponse<String> signedIn = player.post(
                    "/signin.xhtml",
                    form(
                            "signin",
                            "signin",
                            "to",
                            attempt[0],
                            "signin:username",
                            name,
                            "signin:password",
                            PASSWORD,
                            "signin:submit",
                            "Sign in",
                            "jakarta.faces.ViewState",
                            player.viewState(),
                            "tictactoe-visitor",
                            player.visitorToken()));
            assertEquals(302, signedIn.statusCode(), attempt[0]);
            assertEquals(attempt[1], signedIn.headers().firstValue("Location").orElse(""), attempt[0]);
        }
    }

    @Test
    void theLongLivedSignInSurvivesTheSessionButNotSigningOutOrForgery() {
        WebClient player = signedInPlayer();
        String token = player.cookie("ttt_signin");
        assertTrue(token != null && token.matches("[A-Za-z0-9_-]{43}"), "a sign-in cookie: " + token);

        player.forgetSession();
        assertEquals(200, player.get("/").statusCode(), "signed in again from the cookie, as after a server restart");

        WebClient forger = new WebClient(base);
        forger.setCookie("ttt_signin", token.substring(0, 42) + (token.endsWith("A") ? "B" : "A"));
        HttpResponse<String> forged = forger.get("/");
        assertEquals(302, forged.statusCode(), "a guessed token signs nobody in");
        assertTrue(
                forged.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("ttt_signin=;")),
                "and is cleared: " + forged.headers().allValues("Set-Cookie"));

        player.get("/");
        HttpResponse<String> signedOut = player.signOutFrom("/index.xhtml");
        assertEquals(302, signedOut.statusCode());
        WebClient replay = new WebClient(base);
        replay.setCookie("ttt_signin", token);
        assertEquals(302, replay.get("/").statusCode(), "a token is dead once its player signed out");
    }

    /**
     * Moves and pages take turns (TurnGate; the tests' server runs two at once): a burst of lobby
     * pages and moves, more than the turns, makes some of each wait, and every one of them comes
     * back whole on its turn, through every filter (its reference, the security headers, the
     * signed-in player's lobby; the move decided by the game's rules). A burst of polls waits for no
     * turn.
     */
    @Test
    void movesAndPagesTakeTurnsAndEveryOneThatWaitedIsServedWhole() throws Exception {
        WebClient player = signedInPlayer();
        String cookies = player.cookieHeader();
        String token = player.formToken();
        URI root = URI.create(base.toString());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        int burst = 20; // of each kind: more than the turns, fewer than the request threads
        ServerMetrics atStart = ServerMetrics.scrape();

        HttpRequest poll = request(root.resolve("api/me/changes"), cookies).build();
        for (HttpResponse<String> answer : atOnce(http, Collections.nCopies(burst, poll))) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(0, ServerMetrics.scrape().since(atStart, "tictactoe_requests_waited_total"), "polls take no turn");

        HttpRequest lobby = request(root, cookies).build();
        // a move in a game that does not exist: it takes its turn, then the rules refuse it
        HttpRequest move = request(root.resolve("api/games/" + UUID.randomUUID() + "/moves/TopLeft"), cookies)
                .header("X-Tictactoe-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        List<HttpRequest> mixed = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            mixed.add(lobby);
            mixed.add(move);
        }
        double pagesWaited = 0;
        double movesWaited = 0;
        for (int round = 0; round < 5 && (pagesWaited == 0 || movesWaited == 0); round++) {
            ServerMetrics before = ServerMetrics.scrape();
            for (HttpResponse<String> answer : atOnce(http, mixed)) {
                if (answer.request().method().equals("POST")) {
                    assertEquals(409, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("NO_SUCH_GAME"), answer.body());
                } else {
                    assertEquals(200, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("id=\"invite\""), "the lobby, whole: " + answer.body());
                    assertTrue(answer.body().trim().endsWith("</html>"), "the lobby, to its end");
                    assertSecurityHeaders(answer, "a lobby in the burst");
                }
            }
            ServerMetrics after = ServerMetrics.scrape();
            pagesWaited += after.since(before, "tictactoe_requests_waited_total", "kind", "page");
            movesWaited += after.since(before, "tictactoe_requests_waited_total", "kind", "move");
        }
        assertTrue(pagesWaited > 0, "in bursts of " + burst + " lobbies and moves, some lobbies waited for a turn");
        assertTrue(movesWaited > 0, "in bursts of " + burst + " lobbies and moves, some moves waited for a turn");
        assertEquals(0, ServerMetrics.scrape().since(atStart, "tictactoe_requests_refused_total"), "none was refused");
    }

    private static HttpRequest.Builder request(URI address, String cookies) {
        return HttpRequest.newBuilder(address).header("Cookie", cookies).timeout(Duration.ofSeconds(30));
    }

    /** The requests sent at once, each on its own connection; their answers, in the same order. */
    private static List<HttpResponse<String>> atOnce(HttpClient http, List<HttpRequest> requests) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest each : requests) {
            sent.add(http.sendAsync(each, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> each : sent) {
            answers.add(each.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(TestTimeouts.bounded(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with a Host header of our choosing, which java.net.http does not allow. */
    private static String rawGet(URI server, String path, String host) throws IOException {
        return rawRequest(server, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** The whole answer to {@code request} (head and body as sent), read until the server closes or 10 s pass. */
    private static String rawRequest(URI server, String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break; // the head is all these checks need; a kept-alive connection would not end
                    }
                }
            } catch (java.net.SocketTimeoutException kept) {
                // the head arrived before
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                return line.substring(name.length() + 1).trim();
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return "";
    }

    // ---- sessions: cookies, caching, stateless forms, the push websocket

    private WebClient signedUp(String name) {
        WebClient player = new WebClient(base);
        player.signUp(name, PASSWORD);
        return player;
    }

    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst();
    }

    private static List<String> attributes(String setCookie) {
        return List.of(setCookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
    }

    // ---- languages

    @Test
    void visitorsReadTheFirstOfTheirLanguagesThatTheSiteHasWithoutASession() {
        WebClient visitor = new WebClient(base).speaking("fr-CH, de;q=0.8, en;q=0.5");
        HttpResponse<String> page = visitor.get("/signin.xhtml");
        assertTrue(page.body().contains("<html lang=\"de\""), "French is not there, German is");
        assertTrue(page.body().contains(">Anmelden</h1>"), page.body());
        assertTrue(setCookie(page, "JSESSIONID").isEmpty(), "no session for a language");
        WebClient english = new WebClient(base).speaking("fr, es");
        assertTrue(english.get("/signin.xhtml").body().contains(">Sign in</h1>"), "else English");
    }

    @Test
    void theSwitchIsRememberedByTheBrowserAndLeadsBackToThePage() {
        WebClient player = signedUp(Names.unique("lang")).speaking("en");
        String back = URLEncoder.encode("/index.xhtml?x=1", StandardCharsets.UTF_8);
        HttpResponse<String> switched = player.get("/language?to=de&back=" + back);
        assertEquals(302, switched.statusCode());
        assertTrue(switched.headers().firstValue("Location").orElseThrow().endsWith("/index.xhtml?x=1"));
        String cookie = setCookie(switched, "ttt_lang").orElseThrow();
        assertTrue(
                attributes(cookie).contains("ttt_lang=de") && attributes(cookie).contains("samesite=lax"), cookie);

        String lobby = player.get("/").body();
        assertTrue(lobby.contains("<h2 id=\"playing-title\">Laufende Spiele"), "the browser still asks for English");
        assertTrue(lobby.contains("aria-current=\"true\">Deutsch</a>"), "the switch shows where the player is");
        assertTrue(lobby.contains(">0 Siege</span>"), "formatted texts too");
        assertTrue(lobby.contains("data-notify=\"Kein Spiel wartet auf dich\""), "formatted texts too");
        WebClient german = new WebClient(base).speaking("de-AT");
        german.signIn(Names.unique("nobody"), "wrong-password");
        assertTrue(
                german.lastPage().contains("Benutzername oder Passwort ist falsch."),
                "messages too: " + german.lastPage());

        assertEquals(302, player.get("/language?to=en&back=%2F").statusCode());
        assertTrue(player.get("/").body().contains("Games in progress"), "and back to English");
    }

    @Test
    void theSwitchGoesNowhereElseAndIgnoresLanguagesItDoesNotHave() {
        WebClient visitor = new WebClient(base);
        for (String back : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "x")) {
            HttpResponse<String> switched =
                    visitor.get("/language?to=de&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            assertEquals(302, switched.statusCode());
            assertTrue(setCookie(switched, "JSESSIONID").isEmpty(), "a visitor's switch keeps nothing on the server");
            String location = switched.headers().firstValue("Location").orElseThrow();
            assertEquals(
                    base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/",
                    location,
                    back + ": the site's own front page");
        }
        HttpResponse<String> unknown = new WebClient(base).get("/language?to=xx&back=%2Fsignin.xhtml");
        assertEquals(302, unknown.statusCode());
        assertTrue(setCookie(unknown, "ttt_lang").isEmpty(), "no file for xx: nothing remembered");
    }

    // ---- cookies

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
        WebClient visitor = new WebClient(base);
        HttpResponse<String> signInPage = visitor.get("/signin.xhtml");
        assertTrue(
                setCookie(signInPage, "JSESSIONID").isEmpty(), "no session before signing in: " + signInPage.headers());
        String formCookie = setCookie(signInPage, "ttt_form").orElseThrow();
        assertTrue(attributes(formCookie).contains("httponly"), formCookie);
        assertTrue(attributes(formCookie).contains("samesite=strict"), formCookie);
        assertFalse(attributes(formCookie).contains("secure"), "plain HTTP, nothing configured: " + formCookie);

        HttpResponse<String> signedUp = visitor.signUp(Names.unique("cookie"), PASSWORD);
        String session =
                setCookie(signedUp, "JSESSIONID").orElseThrow(() -> new AssertionError("a session on sign-up"));
        assertTrue(attributes(session).contains("httponly"), session);
        assertTrue(attributes(session).contains("samesite=lax"), session);
        assertFalse(attributes(session).contains("secure"), "plain HTTP, nothing configured: " + session);

        String signIn = setCookie(signedUp, "ttt_signin").orElseThrow();
        assertTrue(attributes(signIn).contains("httponly"), signIn);
        assertTrue(attributes(signIn).contains("samesite=lax"), signIn);
        assertFalse(attributes(signIn).contains("secure"), signIn);
    }

    // ---- the game page's and the replay's stateless forms

    /**
     * The game page keeps no view either: its form names its game and carries the session's token.
     * Without the token, or with another session's, its buttons run nothing and the page comes back
     * with a notice; with it, the same click counts. The replay's sign-out form works the same way.
     */
    @Test
    void aGamePostbackWithoutItsSessionsFormTokenRunsNothing() {
        String guestName = Names.unique("guest");
        WebClient guest = signedUp(guestName);
        WebClient host = signedUp(Names.unique("host"));
        assertEquals(200, host.get("/").statusCode());
        String othersToken = host.formToken();
        String gameId = host.invite(guestName);

        assertEquals(200, guest.get("/game.xhtml?id=" + gameId).statusCode());
        assertEquals("stateless", guest.viewState(), "the game page keeps no view in the session");
        String ownToken = guest.formToken();
        for (String token : new String[] {null, "", othersToken, ownToken + "x"}) {
            Map<String, String> accept = form(
                    "game", "game", "gameId", gameId, "game:accept", "Accept", "jakarta.faces.ViewState", "stateless");
            if (token != null) {
                accept.put("tictactoe-token", token);
            }
            HttpResponse<String> refused = guest.post("/game.xhtml", accept);
            assertEquals(302, refused.statusCode(), "token " + token);
            assertTrue(
                    refused.headers()
                            .firstValue("Location")
                            .orElse("")
                            .endsWith("/game.xhtml?id=" + gameId + "&expired=true"),
                    "back to the game with a notice: " + refused.headers());
        }
        assertTrue(guest.get("/game.xhtml?id=" + gameId).body().contains("id=\"game:accept\""), "still an invitation");

        HttpResponse<String> accepted = guest.post(
                "/game.xhtml",
                form(
                        "game",
                        "game",
                        "gameId",
                        gameId,
                        "game:accept",
                        "Accept",
                        "jakarta.faces.ViewState",
                        "stateless",
                        "tictactoe-token",
                        ownToken));
        assertEquals(200, accepted.statusCode());
        assertTrue(accepted.body().contains("Waiting for"), "with its token the same click accepts");

        // Every page's sign-out form (the template's) posts back to the page itself, which shows nothing of its own
        // then.
        for (String page :
                List.of("/replay.xhtml?game=" + gameId, "/player.xhtml?name=" + guestName, "/leaders.xhtml")) {
            assertEquals(200, guest.get(page).statusCode(), page);
            HttpResponse<String> signedOut = guest.signOutFrom(page.replaceAll("\\?.*", ""));
            assertEquals(302, signedOut.statusCode(), "signed out from " + page);
            assertTrue(signedOut.headers().firstValue("Location").orElse("").contains("/signin.xhtml?signedOut=true"));
            guest.signIn(guestName, PASSWORD);
        }
    }

    // ---- the lobby's stateless forms

    /**
     * The lobby's view is stateless, so its forms carry the session's form token instead of a view
     * state that another site could not know. Without it, or with another session's, nothing runs.
     */
    @Test
    void aLobbyPostbackWithoutItsSessionsFormTokenRunsNothing() {
        String guestName = Names.unique("guest");
        signedUp(guestName);
        WebClient host = signedUp(Names.unique("host"));
        WebClient other = signedUp(Names.unique("other"));
        assertEquals(200, other.get("/").statusCode());
        String othersToken = other.formToken();
        assertEquals(200, host.get("/").statusCode());
        assertEquals("stateless", host.viewState(), "the lobby keeps no view in the session");
        String ownToken = host.formToken();
        assertFalse(ownToken.equals(othersToken), "each session has a token of its own");

        for (String token : new String[] {null, "", othersToken, ownToken + "x"}) {
            Map<String, String> invite = form(
                    "invite",
                    "invite",
                    "invite:opponent",
                    guestName,
                    "invite:send",
                    "Invite",
                    "jakarta.faces.ViewState",
                    "stateless");
            if (token != null) {
                invite.put("tictactoe-token", token);
            }
            HttpResponse<String> refused = host.post("/index.xhtml", invite);
            assertEquals(302, refused.statusCode(), "token " + token);
            assertTrue(
                    refused.headers().firstValue("Location").orElse("").endsWith("/index.xhtml?expired=true"),
                    "back to the lobby with a notice: " + refused.headers());
            HttpResponse<String> ajax = host.ajax(
                    "/index.xhtml",
                    form(
                            "lists",
                            "lists",
                            "lists:decline",
                            UUID.randomUUID().toString(),
                            "jakarta.faces.ViewState",
                            "stateless",
                            "tictactoe-token",
                            token == null ? "" : token,
                            "jakarta.faces.partial.execute",
                            "lists:decline",
                            "jakarta.faces.partial.render",
                            "lists messages",
                            "jakarta.faces.partial.ajax",
                            "true"));
            assertTrue(
                    ajax.body().contains("<redirect url=\"") && ajax.body().contains("/index.xhtml?expired=true"),
                    ajax.body());
        }
        assertFalse(host.get("/").body().contains("Waiting for"), "no invitation was sent");

        // Signed out meanwhile: sent to sign in, not shown an error.
        WebClient stranger = new WebClient(base);
        HttpResponse<String> anonymous = stranger.post(
                "/index.xhtml",
                form(
                        "invite",
                        "invite",
                        "invite:opponent",
                        guestName,
                        "invite:send",
                        "Invite",
                        "jakarta.faces.ViewState",
                        "stateless",
                        "tictactoe-token",
                        ownToken));
        assertEquals(302, anonymous.statusCode());
        assertTrue(
                anonymous.headers().firstValue("Location").orElse("").contains("/signin.xhtml"),
                anonymous.headers().toString());

        HttpResponse<String> invited = host.post(
                "/index.xhtml",
                form(
                        "invite",
                        "invite",
                        "invite:opponent",
                        guestName,
                        "invite:send",
                        "Invite",
                        "jakarta.faces.ViewState",
                        host.viewState(),
                        "tictactoe-token",
                        ownToken));
        assertEquals(302, invited.statusCode(), "with its token the same form invites");
        assertTrue(invited.headers().firstValue("Location").orElse("").contains("/game.xhtml?id="));
    }

    // ---- caching

    @Test
    void noAnswerToASignedInPlayerIsStored() {
        String guestName = Names.unique("guest");
        WebClient guest = signedUp(guestName);
        WebClient host = signedUp(Names.unique("host"));

        HttpResponse<String> lobby = host.get("/");
        assertEquals(200, lobby.statusCode());
        assertNoStore(lobby, "lobby");
        HttpResponse<String> invited = host.post(
                "/index.xhtml",
                form(
                        "invite",
                        "invite",
                        "invite:opponent",
                        guestName,
                        "invite:send",
                        "Invite",
                        "jakarta.faces.ViewState",
                        host.viewState(),
                        "tictactoe-token",
                        host.formToken()));
        assertNoStore(invited, "postback");
        String location = invited.headers().firstValue("Location").orElseThrow();
        String gameId = location.substring(location.indexOf("id=") + 3);

        HttpResponse<String> game = guest.get("/game.xhtml?id=" + gameId);
        assertEquals(200, game.statusCode());
        assertNoStore(game, "game page");
        HttpResponse<String> ajax = guest.ajax(
                "/game.xhtml?id=" + gameId,
                form(
                        "game",
                        "game",
                        "gameId",
                        gameId,
                        "jakarta.faces.source",
                        "game",
                        "jakarta.faces.partial.execute",
                        "@none",
                        "jakarta.faces.partial.render",
                        "game",
                        "jakarta.faces.partial.ajax",
                        "true",
                        "jakarta.faces.ViewState",
                        guest.viewState(),
                        "tictactoe-token",
                        guest.formToken()));
        assertEquals(200, ajax.statusCode());
        assertTrue(ajax.body().contains("<partial-response"), ajax.body());
        assertNoStore(ajax, "AJAX answer");

        HttpResponse<String> changes = guest.get("/api/me/changes");
        assertEquals(200, changes.statusCode());
        assertNoStore(changes, "/api/me/changes");
        HttpResponse<String> version = guest.get("/api/games/" + gameId + "/version");
        assertEquals(200, version.statusCode());
        assertNoStore(version, "/api/games/*/version");
        HttpResponse<String> missing = guest.get("/api/games/" + UUID.randomUUID() + "/version");
        assertNoStore(missing, "an API error");

        HttpResponse<String> stylesheet = guest.get("/assets/app.css");
        assertEquals(200, stylesheet.statusCode());
        assertFalse(
                stylesheet.headers().allValues("Cache-Control").contains("no-store"), "static files stay cacheable");
    }

    private static void assertNoStore(HttpResponse<?> response, String what) {
        List<String> directives = response.headers().allValues("Cache-Control").stream()
                .flatMap(value -> Arrays.stream(value.split("\\s*,\\s*")))
                .toList();
        assertTrue(directives.contains("no-store"), what + ": " + directives);
    }

    // ---- websocket

    /** A signed-in player with the lobby open: its session and the channel URL its page was given. */
    private record Listener(WebClient client, String name, String channelPath) {}

    private Listener lobbyOf(String name) {
        WebClient client = signedUp(name);
        HttpResponse<String> lobby = client.get("/");
        Matcher url = CHANNEL_URL.matcher(lobby.body());
        assertTrue(url.find(), "the lobby opens a websocket: " + lobby.body());
        return new Listener(client, name, url.group(1));
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private URI socketUri(String channelUrl) {
        return PushSockets.socketUri(URI.create(base.toString()), channelUrl);
    }

    private static String sessionCookie(String sessionId) {
        return sessionId == null ? null : "JSESSIONID=" + sessionId;
    }

    private WebSocket open(String channelPath, String origin, String sessionId, Inbox inbox) {
        return PushSockets.open(socketUri(channelPath), origin, sessionCookie(sessionId), inbox);
    }

    private void assertRefused(String channelPath, String origin, String sessionId, String why) {
        assertEquals(403, PushSockets.refusal(socketUri(channelPath), origin, sessionCookie(sessionId), why), why);
    }

    @Test
    void aPlayersOwnPageOnItsOwnSessionGetsItsPushes() throws InterruptedException {
        Listener alice = lobbyOf(Names.unique("alice"));
        Inbox inbox = new Inbox();
        WebSocket socket = open(alice.channelPath(), origin(), alice.client().sessionId(), inbox);
        try {
            assertEquals(null, inbox.messages.poll(500, TimeUnit.MILLISECONDS), "kept open, nothing yet");

            String bobName = Names.unique("bob");
            WebClient bob = signedUp(bobName);
            HttpResponse<String> invited = bob.sendInvitation(alice.name());
            String location = invited.headers().firstValue("Location").orElseThrow();
            String gameId = location.substring(location.indexOf("id=") + 3);

            String pushed = inbox.messages.poll(10, TimeUnit.SECONDS);
            assertTrue(
                    pushed != null
                            && pushed.matches("\\{\"data\":\\{\"game\":\"" + gameId + "\",\"version\":0,\"host\":\""
                                    + bobName + "\",\"guest\":\"" + alice.name()
                                    + "\",\"since\":\\d+,\"changes\":\\d+}}"),
                    "the invitation is pushed to the invited player, with who sent it and her count of changes: "
                            + pushed);
        } finally {
            socket.abort();
        }
    }

    /**
     * One signed-in client opening socket after socket on its own channel: the server keeps {@link
     * SocketLimits#PER_PLAYER} open for the player and, once it has counted them (a socket is counted
     * when it opens, which may come just after its handshake's answer), refuses the next (429) until one of them
     * closes, whether closed in order or dropped; another player's sockets are not affected. Without
     * the limit, the sockets (each holding its upgraded request in the heap) of one client alone
     * would run the server out of memory.
     */
    @Test
    void onePlayerCannotHoldMoreSocketsOpenThanTheLimit() throws InterruptedException {
        Listener alice = lobbyOf(Names.unique("alice"));
        String session = alice.client().sessionId();
        List<WebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < SocketLimits.PER_PLAYER; i++) {
                sockets.add(open(alice.channelPath(), origin(), session, new Inbox()));
            }
            assertEquals(
                    429,
                    PushSockets.refusalOnceCounted(
                            socketUri(alice.channelPath()),
                            origin(),
                            sessionCookie(session),
                            Duration.ofSeconds(5),
                            "one socket too many"));
            Listener bob = lobbyOf(Names.unique("bob"));
            sockets.add(open(bob.channelPath(), origin(), bob.client().sessionId(), new Inbox()));

            sockets.remove(0).sendClose(WebSocket.NORMAL_CLOSURE, "page closed").join();
            sockets.add(openOnceThereIsRoom(alice, session));
            sockets.remove(1).abort();
            sockets.add(openOnceThereIsRoom(alice, session));
        } finally {
            sockets.forEach(WebSocket::abort);
        }
    }

    /** Opens a socket of the player's as soon as the server has seen one of theirs close. */
    private WebSocket openOnceThereIsRoom(Listener player, String session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return open(player.channelPath(), origin(), session, new Inbox());
            } catch (AssertionError stillFull) {
                if (System.nanoTime() > deadline) {
                    throw stillFull;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void anotherSitesPageIsRefusedEvenWithThePlayersCookie() {
        Listener alice = lobbyOf(Names.unique("alice"));
        String session = alice.client().sessionId();
        assertRefused(alice.channelPath(), "http://evil.example", session, "another site");
        assertRefused(alice.channelPath(), "null", session, "a sandboxed frame or a file");
        assertRefused(
                alice.channelPath(),
                base.getProtocol() + "://" + base.getHost() + ":" + (base.getPort() + 1),
                session,
                "the same host on another port");
        assertRefused(
                alice.channelPath(),
                base.getProtocol() + "://" + base.getHost() + ".evil.example:" + base.getPort(),
                session,
                "a look-alike host");
        assertRefused(alice.channelPath(), origin() + "/index.xhtml", session, "more than an origin");
        assertRefused(
                alice.channelPath(),
                null,
                session,
                "no Origin: every browser sends one, our pages are the only client");
        // The same request from the site's own page is fine: the refusals above are the Origin's alone.
        open(alice.channelPath(), origin(), session, new Inbox()).abort();
    }

    @Test
    void aChannelUrlWorksOnlyForTheSessionWhosePageItCameFrom() throws InterruptedException {
        String aliceName = Names.unique("alice");
        Listener alice = lobbyOf(aliceName);
        Listener mallory = lobbyOf(Names.unique("mallory"));

        assertRefused(alice.channelPath(), origin(), mallory.client().sessionId(), "another player's session");
        assertRefused(alice.channelPath(), origin(), null, "no session at all");
        // A visitor who is not signed in has no session (see VisitorFormToken): an id is made up.
        WebClient stranger = new WebClient(base);
        stranger.get("/signin.xhtml");
        assertEquals(null, stranger.sessionId());
        assertRefused(
                alice.channelPath(), origin(), UUID.randomUUID().toString().replace("-", ""), "a made-up session id");

        WebClient aliceElsewhere = new WebClient(base);
        aliceElsewhere.signIn(aliceName, PASSWORD);
        assertEquals(200, aliceElsewhere.get("/").statusCode());
        assertRefused(alice.channelPath(), origin(), aliceElsewhere.sessionId(), "the same player, another session");

        String path = alice.channelPath();
        String forged = path.substring(0, path.indexOf('?') + 1) + UUID.randomUUID();
        assertRefused(forged, origin(), alice.client().sessionId(), "a made-up channel id");
        assertRefused(
                path.replace("/updates?", "/other?"), origin(), alice.client().sessionId(), "another channel name");

        // Mallory's own channel, on her own session, is fine; and hears nothing of Alice's games.
        Inbox malloryInbox = new Inbox();
        WebSocket accepted =
                open(mallory.channelPath(), origin(), mallory.client().sessionId(), malloryInbox);
        try {
            WebClient bob = signedUp(Names.unique("bob"));
            bob.sendInvitation(aliceName);
            assertEquals(null, malloryInbox.messages.poll(2, TimeUnit.SECONDS), "nothing of Alice's reaches Mallory");
        } finally {
            accepted.abort();
        }
    }

    /**
     * The lobby, a game's page and a challenge's page of one session start the same socket with the
     * same script, so that the script kept for the session serves each of them (ChannelRecordingRenderer)
     * instead of Faces rendering and registering the socket again whenever a player goes from one to
     * another.
     */
    @Test
    void everyPageOfASessionStartsTheSameSocketWithTheSameScript() {
        WebClient alice = signedUp(Names.unique("alice"));
        String bobName = Names.unique("bob");
        signedUp(bobName);
        String gameId = alice.invite(bobName);
        String challengeId = alice.createChallenge();

        String lobby = socketScript(alice.get("/").body());
        assertEquals(lobby, socketScript(alice.get("/game.xhtml?id=" + gameId).body()), "a game's page");
        assertEquals(
                lobby,
                socketScript(alice.get("/challenge.xhtml?game=" + challengeId).body()),
                "a challenge's page");
        assertEquals(lobby, socketScript(alice.get("/").body()), "the lobby again");
    }

    /** The script that starts a page's push websocket (faces.push.init). */
    private static String socketScript(String page) {
        Matcher script = SOCKET_SCRIPT.matcher(page);
        assertTrue(script.find(), "the page opens a websocket: " + page);
        return script.group();
    }

    @Test
    void afterSigningOutTheChannelIsRefused() {
        Listener alice = lobbyOf(Names.unique("alice"));
        String session = alice.client().sessionId();
        HttpResponse<String> signedOut = alice.client().signOutFrom("/index.xhtml");
        assertEquals(302, signedOut.statusCode());
        assertRefused(alice.channelPath(), origin(), session, "the session was ended");
    }
}
