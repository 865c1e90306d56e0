package com.tictactoe.web;

import static com.tictactoe.testsupport.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.ServerMetrics;
import com.tictactoe.testsupport.TestTimeouts;
import com.tictactoe.testsupport.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerHardeningIT {

    private static final String PASSWORD = "s3cret-enough";

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
        // A view state "stateless" for a page whose view is not (only the lobby's is: see SessionSecurityIT)
        HttpResponse<String> stateless = player.post(
                "/game.xhtml",
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
    void theApiAnswersErrorsInJson() {
        for (HttpResponse<String> answer : List.of(
                new WebClient(base).get("/api/me/changes"), signedInPlayer().get("/api/no-such-thing"))) {
            assertTrue(answer.statusCode() == 401 || answer.statusCode() == 404, String.valueOf(answer.statusCode()));
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
        HttpResponse<String> signedOut = player.post(
                "/index.xhtml",
                form(
                        "signout",
                        "signout",
                        "signout:go",
                        "Sign out",
                        "jakarta.faces.ViewState",
                        player.viewState(),
                        "tictactoe-token",
                        player.formToken()));
        assertEquals(302, signedOut.statusCode());
        WebClient replay = new WebClient(base);
        replay.setCookie("ttt_signin", token);
        assertEquals(302, replay.get("/").statusCode(), "a token is dead once its player signed out");
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
}
