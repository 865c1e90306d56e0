package com.tictactoe.web;

import static com.tictactoe.testsupport.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.PushSockets;
import com.tictactoe.testsupport.PushSockets.Inbox;
import com.tictactoe.testsupport.WebClient;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * Cookies, caching and the push websocket, seen from outside over real HTTP: what a careless
 * browser, another site's page and another player can get from a player's session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionSecurityIT {

    private static final String PASSWORD = "s3cret-enough";
    private static final Pattern CHANNEL_URL = Pattern.compile("'([^']*/jakarta\\.faces\\.push/updates\\?[^']+)'");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

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
                        guest.viewState()));
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

            WebClient bob = signedUp(Names.unique("bob"));
            bob.get("/");
            HttpResponse<String> invited = bob.post(
                    "/index.xhtml",
                    form(
                            "invite",
                            "invite",
                            "invite:opponent",
                            alice.name(),
                            "invite:send",
                            "Invite",
                            "jakarta.faces.ViewState",
                            bob.viewState(),
                            "tictactoe-token",
                            bob.formToken()));
            String location = invited.headers().firstValue("Location").orElseThrow();
            String gameId = location.substring(location.indexOf("id=") + 3);

            String pushed = inbox.messages.poll(10, TimeUnit.SECONDS);
            assertEquals(
                    "{\"data\":{\"game\":\"" + gameId + "\",\"version\":0}}",
                    pushed,
                    "the invitation is pushed to the invited player");
        } finally {
            socket.abort();
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
            bob.get("/");
            bob.post(
                    "/index.xhtml",
                    form(
                            "invite",
                            "invite",
                            "invite:opponent",
                            aliceName,
                            "invite:send",
                            "Invite",
                            "jakarta.faces.ViewState",
                            bob.viewState(),
                            "tictactoe-token",
                            bob.formToken()));
            assertEquals(null, malloryInbox.messages.poll(2, TimeUnit.SECONDS), "nothing of Alice's reaches Mallory");
        } finally {
            accepted.abort();
        }
    }

    @Test
    void afterSigningOutTheChannelIsRefused() {
        Listener alice = lobbyOf(Names.unique("alice"));
        String session = alice.client().sessionId();
        HttpResponse<String> signedOut = alice.client()
                .post(
                        "/index.xhtml",
                        form(
                                "signout",
                                "signout",
                                "signout:go",
                                "Sign out",
                                "jakarta.faces.ViewState",
                                alice.client().viewState(),
                                "tictactoe-token",
                                alice.client().formToken()));
        assertEquals(302, signedOut.statusCode());
        assertRefused(alice.channelPath(), origin(), session, "the session was ended");
    }
}
