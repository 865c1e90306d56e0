package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Browser;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.PagePlayer;
import com.tictactoe.testsupport.PushSockets;
import com.tictactoe.testsupport.PushSockets.Inbox;
import com.tictactoe.testsupport.StoredGames;
import com.tictactoe.testsupport.WebClient;
import com.tictactoe.testsupport.WildFlyServer;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The WAR that the Payara tests deploy, byte for byte, on a second Jakarta EE server: WildFly
 * (standalone.xml, Mojarra and Weld like Payara, but Undertow, its own EJB container and no
 * Payara descriptors), on the same DynamoDB Local. Two players play a whole game through the
 * real pages and AJAX requests; the game is read back from DynamoDB; pushes reach the players'
 * websockets, and two headless Chromiums cut off from polling play a game by push alone; the
 * session cookie keeps its attributes.
 */
class OnWildFlyIT {

    private static final String PASSWORD = "s3cret-enough";

    private static WildFlyServer server;

    @BeforeAll
    static void startWildFly() {
        server = new WildFlyServer(
                WildFlyServer.unpackedHome(),
                Path.of("target", "wildfly-run"),
                Path.of("target", "tictactoe.war"),
                DynamoDbLocalSession.endpoint());
        server.start();
        System.out.printf(
                "%n==== OnWildFlyIT: WildFly started and deployed the WAR in %.1f s (%s) ====%n",
                server.bootTime().toMillis() / 1000.0, server.app());
    }

    @AfterAll
    static void stopWildFly() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoPlayersPlayAWholeGameAndItIsStoredAsPlayed() throws InterruptedException, PagePlayer.Unexpected {
        HttpClient http = PagePlayer.newHttpClient();
        PagePlayer alice = player(http, "alice");
        PagePlayer bob = player(http, "bob");
        alice.signUpAndIn();
        bob.signUpAndIn();

        bob.openLobby();
        Inbox bobsLobby = new Inbox();
        WebSocket lobbySocket = open(bob, bobsLobby);
        try {
            alice.openLobby();
            String gameId = alice.invite(bob.name);
            String invitation = bobsLobby.messages.poll(10, TimeUnit.SECONDS);
            assertTrue(
                    invitation != null
                            && invitation.startsWith("{\"data\":{\"game\":\"" + gameId + "\",\"version\":0,\"host\":\""
                                    + alice.name + "\",\"guest\":\"" + bob.name + "\","),
                    "the invitation is pushed to the invited player's lobby: " + invitation);

            bob.openGame(gameId, "invites you to a game");
            bob.accept(alice.name);
            bob.listen();
            alice.openGame(gameId, "Your turn");
            alice.listen();
            String[] board = new String[9];
            try {
                board[0] = "O";
                alice.move(0, board, "Waiting for " + bob.name);
                String pushed = bob.awaitPush(board, "Your turn");
                assertTrue(
                        pushed.startsWith("{\"data\":{\"game\":\"" + gameId
                                + "\",\"version\":11,\"board\":{\"TopLeft\":\"O\"},\"next\":\"X\","),
                        "a move is pushed to the opponent's game page with the board, which the page shows as it is: "
                                + pushed);
                board[4] = "X";
                bob.move(4, board, "Waiting for " + alice.name);
                alice.awaitPush(board, "Your turn");
                board[1] = "O";
                alice.move(1, board, "Waiting for " + bob.name);
                bob.awaitPush(board, "Your turn");
                board[6] = "X";
                bob.move(6, board, "Waiting for " + alice.name);
                alice.awaitPush(board, "Your turn");
                board[2] = "O";
                alice.move(2, board, null);
                bob.awaitPush(board, null);
            } finally {
                alice.stopListening();
                bob.stopListening();
            }
            alice.expectResult("You won!");
            bob.expectResult("You lost");

            Map<String, AttributeValue> item;
            try (StoredGames stored = StoredGames.open()) {
                item = stored.get(gameId);
            }
            assertTrue(item.get("StatusDate").s().startsWith("FINISHED_"), item.toString());
            assertEquals(alice.name, item.get("Result").s());
            assertEquals(alice.name, item.get("HostId").s());
            assertEquals(bob.name, item.get("OpponentId").s());
            assertEquals("N/A", item.get("Turn").s());
            for (String square : List.of("TopLeft", "TopMiddle", "TopRight")) {
                assertEquals("O", item.get(square).s(), square);
            }
            for (String square : List.of("MiddleMiddle", "BottomLeft")) {
                assertEquals("X", item.get(square).s(), square);
            }
            assertEquals(
                    5,
                    item.keySet().stream()
                            .filter(name -> name.matches("(Top|Middle|Bottom)(Left|Middle|Right)"))
                            .count(),
                    item.toString());

            bob.openLobby().expectFinishedInLobby(gameId);
        } finally {
            lobbySocket.abort();
        }
    }

    @Test
    void inBrowsersCutOffFromPollingTheMovesArriveByPush() throws MalformedURLException {
        String aliceName = Names.unique("alice");
        String bobName = Names.unique("bob");
        try (Browser alice = new Browser(server.app().toURL());
                Browser bob = new Browser(server.app().toURL())) {
            alice.withoutPolling();
            bob.withoutPolling();
            alice.signUp(aliceName, PASSWORD);
            bob.signUp(bobName, PASSWORD);
            bob.waitForPush();
            alice.invite(bobName);
            String gameId = alice.gameId();
            bob.markPage();
            bob.waitForInvitationFrom(aliceName);
            assertTrue(bob.stillSamePage(), "the invitation reached the lobby by push, without a reload");
            bob.acceptInvitationFrom(aliceName, gameId);
            alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
            for (Browser browser : List.of(alice, bob)) {
                browser.waitForPush();
            }
            String[] moves = {"TopLeft", "MiddleMiddle", "TopMiddle", "BottomLeft", "TopRight"};
            for (int move = 0; move < moves.length; move++) {
                Browser mover = move % 2 == 0 ? alice : bob;
                Browser other = move % 2 == 0 ? bob : alice;
                String square = moves[move];
                mover.play(square);
                other.waitForMark(square);
            }
            alice.waitUntil(d -> alice.text(".result-text").equals("You won!"));
            bob.waitUntil(d -> bob.text(".result-text").equals("You lost"));
            for (Browser browser : List.of(alice, bob)) {
                assertEquals(List.of(), browser.consoleErrors(OnWildFlyIT::blockedPolling));
            }
        }
    }

    /** What withoutPolling makes the browser log, and nothing else. */
    private static boolean blockedPolling(String message) {
        return message.contains("/api/") && message.contains("ERR_BLOCKED_BY_CLIENT");
    }

    @Test
    void pushHandshakesFromAnotherSiteAreRefused() throws PagePlayer.Unexpected {
        PagePlayer carol = player(PagePlayer.newHttpClient(), "carol");
        carol.signUpAndIn();
        carol.openLobby();
        assertEquals(
                403,
                PushSockets.refusal(
                        socketUri(carol),
                        "http://evil.example",
                        carol.cookieHeader(),
                        "another site's page, with the player's cookie"));
    }

    @Test
    void theSessionAndSignInCookiesAreHttpOnlyAndSameSiteLax() throws MalformedURLException {
        WebClient visitor = new WebClient(server.app().toURL());
        HttpResponse<String> signInPage = visitor.get("/signin.xhtml");
        assertTrue(
                signInPage.headers().allValues("Set-Cookie").stream()
                        .noneMatch(cookie -> cookie.startsWith("JSESSIONID=")),
                "no session before signing in: " + signInPage.headers());
        HttpResponse<String> signedUp = visitor.signUp(Names.unique("dave"), PASSWORD);
        assertEquals(302, signedUp.statusCode(), signedUp.body());
        assertHttpOnlyAndLax(setCookie(signedUp, "JSESSIONID"));
        assertHttpOnlyAndLax(setCookie(signedUp, "ttt_signin"));
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + ": " + response.headers()));
    }

    private static void assertHttpOnlyAndLax(String setCookie) {
        List<String> attributes = List.of(setCookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=lax"), setCookie);
    }

    // ---- players and websockets

    /** A player in a browser-less tab; nobody counts its requests here. */
    private static PagePlayer player(HttpClient http, String name) {
        return new PagePlayer(http, server.app(), Names.unique(name), PASSWORD, new PagePlayer.Traffic() {
            @Override
            public void answered(PagePlayer.Request kind, long nanos) {}

            @Override
            public void failed(String kind) {}
        });
    }

    private static String origin() {
        URI app = server.app();
        return app.getScheme() + "://" + app.getHost() + ":" + app.getPort();
    }

    /** The websocket of the player's current page: the push path is under the app's context root. */
    private static URI socketUri(PagePlayer player) throws PagePlayer.Unexpected {
        return PushSockets.socketUri(server.app(), server.app().getRawPath().replaceAll("/$", "") + player.pushPath());
    }

    /** Opens the websocket of the player's current page from the site's own origin, with the player's cookies. */
    private static WebSocket open(PagePlayer player, Inbox inbox) throws PagePlayer.Unexpected {
        return PushSockets.open(socketUri(player), origin(), player.cookieHeader(), inbox);
    }
}
