package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.tictactoe.testsupport.Browser;
import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.PushLatencies;
import com.tictactoe.testsupport.ServerMetrics;
import com.tictactoe.testsupport.StoredGames;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Real people in real (headless) browsers: two players, each in a browser of their own, sign up,
 * invite, accept and play while the other's page follows live; a third person watches.
 *
 * <p>Every browser here is cut off from the endpoints pages poll ({@link Browser#pushOnly}), so a
 * page that follows a change does so by push, and each such page is checked to be on push (its
 * websocket open, no poll answered). The one exception is the fallback,
 * {@link #withoutWebSocketsPagesFollowByPolling}, whose extra browser has no websocket and polls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlayInBrowsersIT {

    private static final String PASSWORD = "correct horse";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    // Alice's and bob's browsers serve every test of the class (starting two Chromiums for each
    // test took most of its time): each test gets them reset, as new (Browser#reset). Started by
    // the first test, as the deployment's address is only injected into test instances.
    private static Browser alice;
    private static Browser bob;
    private String aliceName;
    private String bobName;

    @BeforeEach
    void twoPlayers() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        aliceName = "alice-" + run;
        bobName = "bob-" + run;
        alice = reset(alice);
        bob = reset(bob);
        Browser.pushOnly(alice, bob);
        alice.signUp(aliceName, PASSWORD);
        bob.signUp(bobName, PASSWORD);
    }

    /** The browser reset as new; a new one the first time, or if that one could not be reset. */
    private Browser reset(Browser browser) {
        if (browser != null) {
            try {
                browser.reset();
                return browser;
            } catch (WebDriverException e) {
                System.out.println("A browser could not be reset, a new one takes its place: " + e);
                quietlyClose(browser);
            }
        }
        return new Browser(base);
    }

    /** Each test's own pages: what earlier tests logged was dropped by the reset. */
    @AfterEach
    void noConsoleErrors() {
        if (alice != null && bob != null) {
            assertNoConsoleErrors(alice, "alice");
            assertNoConsoleErrors(bob, "bob");
        }
    }

    @AfterAll
    static void closeBrowsers() {
        try {
            quietlyClose(alice);
            quietlyClose(bob);
        } finally {
            alice = null;
            bob = null;
        }
    }

    private static void quietlyClose(Browser browser) {
        if (browser == null) {
            return;
        }
        try {
            browser.close();
        } catch (WebDriverException e) {
            System.out.println("A browser could not be closed: " + e);
        }
    }

    /** Any error in a page's console fails the test: a broken script is a broken page. */
    private static void assertNoConsoleErrors(Browser browser, String who) {
        // Requests this test itself blocked (see Browser.withoutPolling) are the only errors allowed.
        List<String> errors = browser.consoleErrors(
                message -> message.contains("/api/") && message.contains("ERR_BLOCKED_BY_CLIENT"));
        assertEquals(List.of(), errors, who + "'s console");
    }

    /** Alice invites Bob; Bob's lobby shows it without a reload; he accepts. Returns the game id. */
    private String startGame() {
        return Browser.startGame(alice, aliceName, bob, bobName);
    }

    /**
     * The page as it is behind other windows, with notifications allowed: the notifications it would
     * show are kept in {@code window.__notified}.
     */
    private static final String BEHIND_OTHER_WINDOWS_AND_NOTIFIED = "Object.defineProperty(document, 'hidden',"
            + " {configurable: true, value: true});"
            + " window.__notified = [];"
            + " window.Notification = function (text) { window.__notified.push(text); };"
            + " window.Notification.permission = 'granted';";

    private static String favicon(Browser browser) {
        return String.valueOf(
                browser.driver().executeScript("return document.getElementById('favicon').getAttribute('href');"));
    }

    /** The mover clicks; the other player's page shows the mark by itself, by push. */
    private static void move(Browser mover, Browser other, String square) {
        mover.play(square);
        other.waitForMarkByPush(square);
    }

    /**
     * A challenge by link: alice makes one in her lobby and waits on its page; erin, a visitor
     * without an account (in the browser bob's was, its cookies gone), opens the link, sees the challenge (no session), signs up from there, comes
     * back to it and accepts. She lands on the game; alice's page, cut off from polling, follows to the
     * game by itself, by push. They play, each move reaching the other by push.
     */
    @Test
    void aChallengeLinkOpenedByAVisitorWhoSignsUpAndPlays() {
        alice.open("/");
        alice.driver().findElement(By.id("challenge:create")).click();
        alice.waitUntil(d -> d.getCurrentUrl().contains("/challenge.xhtml?game="));
        String link = alice.driver().findElement(By.id("link")).getAttribute("value");
        String gameId = link.substring(link.indexOf("game=") + 5);
        assertEquals("Your challenge", alice.text("#challenge-title"));
        alice.waitForPush();
        alice.markPage();

        // Bob's browser forgets everything, account and session: it is now a visitor's without an account.
        Browser erin = bob;
        erin.driver().manage().deleteAllCookies();
        erin.driver().get(link);
        assertEquals(aliceName + " challenges you to a game", erin.text("#challenge-title"));
        assertEquals("Sent just now.", erin.text("#since"));
        assertEquals(null, erin.driver().manage().getCookieNamed("JSESSIONID"), "no session for a visitor");
        assertTrue(erin.all("#accept").isEmpty(), "a visitor signs up or in first");
        assertAccessible(erin, "challenge");
        erin.driver().findElement(By.id("sign-up")).click();
        String erinName = "erin-" + UUID.randomUUID().toString().substring(0, 6);
        erin.type("signup:username", erinName);
        erin.type("signup:password", PASSWORD);
        erin.type("signup:again", PASSWORD);
        erin.driver().findElement(By.id("signup:submit")).click();
        erin.waitUntil(d -> d.getCurrentUrl().endsWith("/challenge.xhtml?game=" + gameId));

        alice.assertOnPush("alice's challenge page, before the accept");
        erin.driver().findElement(By.id("accept")).click();
        erin.waitUntil(d -> d.getCurrentUrl().endsWith("/game.xhtml?id=" + gameId));
        assertEquals("Waiting for " + aliceName, erin.text("#status"));
        // Polls blocked: alice's page can only have learnt it by push.
        alice.waitUntil(d -> d.getCurrentUrl().endsWith("/game.xhtml?id=" + gameId));
        alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
        alice.waitForPush();
        erin.waitForPush();

        move(alice, erin, "TopLeft");
        move(erin, alice, "MiddleMiddle");
        move(alice, erin, "BottomRight");
        assertEquals("Your turn", erin.text("#status"));
    }

    /** A name the lobby refuses: the reason shown from the API's answer, the page and the typed name kept. */
    @Test
    void anInvitationTheLobbyRefusesSaysWhyWithoutAReload() {
        alice.open("/");
        alice.markPage();
        alice.type("invite:opponent", "  nobody-" + bobName.substring(0, 5));
        alice.driver().findElement(By.id("invite:send")).click();
        alice.waitUntil(d -> alice.text(".messages-region").contains("There is no player called"));
        assertTrue(alice.stillSamePage(), "no reload: the refusal came from the API's answer");
        assertEquals(
                "  nobody-" + bobName.substring(0, 5),
                alice.driver().findElement(By.id("invite:opponent")).getAttribute("value"),
                "what she typed stays");
        alice.type("invite:opponent", bobName);
        alice.driver().findElement(By.id("invite:send")).click();
        alice.waitUntil(d -> alice.driver().getCurrentUrl().contains("game.xhtml"));
        alice.waitUntil(d -> alice.text("#status").equals("Waiting for " + bobName + " to accept"));
        assertEquals(
                List.of(),
                alice.consoleErrors(
                        message -> message.contains("/api/invitations") && message.contains("status of 409")),
                "the refused invitation is the only error");
    }

    /**
     * Where the lobby's script cannot reach the API (blocked here), Invite and Accept post their
     * forms as a page without script does, and the game starts all the same.
     */
    @Test
    void withoutTheApiTheLobbysFormsStillInviteAndAccept() {
        for (Browser browser : List.of(alice, bob)) {
            browser.driver().executeCdpCommand("Network.enable", Map.of());
            browser.driver()
                    .executeCdpCommand(
                            "Network.setBlockedURLs",
                            Map.of("urls", List.of("*/api/invitations*", "*/api/games/*/acceptance*")));
        }
        alice.invite(bobName);
        String gameId = alice.gameId();
        alice.waitUntil(d -> alice.text("#status").equals("Waiting for " + bobName + " to accept"));
        assertEquals(1, alice.redirectsToThisPage(), "the lobby's form was posted and redirected");
        bob.open("/");
        bob.acceptInvitationFrom(aliceName, gameId);
        bob.waitUntil(d -> bob.text("#status").equals("Waiting for " + aliceName));
        assertEquals(1, bob.redirectsToThisPage(), "the lobby's form was posted and redirected");
        for (Browser browser : List.of(alice, bob)) {
            assertEquals(
                    List.of(),
                    browser.consoleErrors(message -> message.contains("ERR_BLOCKED_BY_CLIENT")),
                    "the blocked calls are the only errors");
        }
    }

    /**
     * A page that missed a move (no websocket, no polls) still offers the square; the click is
     * refused with the reason, and the page then shows the board as it is, nothing written.
     */
    @Test
    void aClickOnAnOutOfDatePageIsRefusedWithTheReasonAndTheBoardAsItIs() {
        String gameId = startGame();
        alice.withoutWebSockets();
        alice.withoutPolling();
        alice.open("/game.xhtml?id=" + gameId);
        alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
        alice.markPage();
        // Her other tab moves: the same session and token; this page is not told.
        Object status = alice.driver()
                .executeScript(
                        "var marker = document.getElementById('live-version');"
                                + " return fetch(marker.getAttribute('data-moves') + '/TopLeft', {method: 'POST',"
                                + " headers: {'X-Tictactoe-Token': marker.getAttribute('data-token')}}).then(function (r) { return r.status; });");
        assertEquals(200L, status);
        bob.waitForMarkByPush("TopLeft");
        assertEquals("Your turn", alice.text("#status"), "this page did not hear of it");

        alice.square("TopMiddle").click();

        alice.waitUntil(d -> alice.text(".messages-region").contains("It is not your turn."));
        alice.waitUntil(d -> alice.text("#status").equals("Waiting for " + bobName));
        assertEquals("Top left, O", alice.square("TopLeft").getAttribute("aria-label"));
        assertEquals("Top middle, empty", alice.square("TopMiddle").getAttribute("aria-label"));
        assertTrue(alice.square("MiddleMiddle").getAttribute("disabled") != null, "not her turn");
        assertTrue(alice.stillSamePage(), "no reload");
        assertEquals("Top middle, empty", bob.square("TopMiddle").getAttribute("aria-label"), "nothing written");
        assertEquals(
                List.of(),
                alice.consoleErrors(message -> message.contains("/moves/TopMiddle") && message.contains("status of 409")
                        || message.contains("/api/") && message.contains("ERR_BLOCKED_BY_CLIENT")),
                "the refused click is the only error");
    }

    /**
     * Moves reach the opponent's page by push alone: both browsers are cut off from the endpoints
     * pages poll, so a page that was not pushed to would never change. It prints the time from a
     * click to the mark on the opponent's board. A page shows a pushed move, and the answer to its
     * own, without rendering anything on the server: each page sends its own moves, and asks for
     * one re-rendering at most, at the end. Whose turn it is shows in the title, the icon and a
     * notification; the result, the player's record and the leaderboard follow.
     */
    @Test
    void twoPlayersPlayToAWinAndTheLoserSeesItLive() {
        startGame();
        alice.waitForPush();
        bob.waitForPush();
        assertTrue(ServerMetrics.scrape().value("tictactoe_live_pages") >= 2, "both open sockets are counted");
        assertAccessible(alice, "game");
        // Whose turn it is shows in the title and the icon; bob, whose page is not in front, is notified.
        assertEquals(
                "(Your turn) Game vs " + bobName + " \u00b7 Tic-Tac-Toe",
                alice.driver().getTitle());
        assertEquals(
                "Game vs " + aliceName + " \u00b7 Tic-Tac-Toe", bob.driver().getTitle());
        assertTrue(favicon(alice).endsWith("/favicon-turn.svg") && favicon(bob).endsWith("/favicon.svg"));
        bob.driver().executeScript(BEHIND_OTHER_WINDOWS_AND_NOTIFIED);
        move(alice, bob, "TopLeft");
        assertEquals(
                "(Your turn) Game vs " + aliceName + " \u00b7 Tic-Tac-Toe",
                bob.driver().getTitle());
        assertEquals(
                "Game vs " + bobName + " \u00b7 Tic-Tac-Toe", alice.driver().getTitle());
        assertTrue(favicon(bob).endsWith("/favicon-turn.svg") && favicon(alice).endsWith("/favicon.svg"));
        assertEquals(
                List.of("Your turn against " + aliceName), bob.driver().executeScript("return window.__notified;"));
        bob.driver().executeScript("Object.defineProperty(document, 'hidden', {configurable: true, value: false});");
        assertEquals("Your turn", bob.text("#status"));
        assertEquals("Top left, O", bob.square("TopLeft").getAttribute("aria-label"));
        assertTrue(alice.square("MiddleMiddle").getAttribute("disabled") != null, "not alice's turn any more");
        PushLatencies latencies = new PushLatencies();
        latencies.play(bob, alice, "MiddleLeft", "TopMiddle", "MiddleMiddle", "TopRight");
        System.out.printf("Push latency, click to the opponent's board, %s%n", latencies.summary());

        bob.waitUntil(d -> bob.text(".result-text").equals("You lost"));
        alice.waitUntil(d -> alice.text(".result-text").equals("You won!"));
        bob.assertOnPush("bob sees he lost");
        alice.assertOnPush("alice, the game over");
        assertEquals(3, alice.scriptRequestsTo("/moves/"), "alice's moves");
        assertEquals(2, bob.scriptRequestsTo("/moves/"), "bob's moves");
        assertEquals(
                List.of(0L, 0L),
                List.of(alice.scriptRequestsTo("/game.xhtml"), bob.scriptRequestsTo("/game.xhtml")),
                "re-renderings of alice's page (since the invitation) and bob's (since the acceptance):"
                        + " the start, every move and the end are shown from pushes and answers");
        assertEquals("Top right, O", bob.square("TopRight").getAttribute("aria-label"), "the winning move");
        assertEquals(Set.of("TopLeft", "TopMiddle", "TopRight"), winningSquares(bob));
        assertTrue(bob.stillSamePage() && alice.stillSamePage(), "no page was reloaded during the game");
        assertEquals("You won!", alice.text(".result-text"));
        assertEquals(
                "result result-win", alice.driver().findElement(By.id("result")).getAttribute("class"));
        assertEquals(
                "result result-loss", bob.driver().findElement(By.id("result")).getAttribute("class"));
        assertTrue(
                alice.driver().findElement(By.id("game:again")).isDisplayed()
                        && alice.driver().findElement(By.id("replay")).isDisplayed()
                        && !alice.driver()
                                .findElement(By.cssSelector(".game-actions"))
                                .isDisplayed(),
                "a finished game's actions instead of the game's");
        alice.screenshot(Path.of("target", "screenshots", "game-won.png"));
        bob.screenshot(Path.of("target", "screenshots", "game-lost.png"));
        assertEquals(Set.of("TopLeft", "TopMiddle", "TopRight"), winningSquares(alice));
        for (WebElement cell : bob.all(".board .cell")) {
            assertTrue(cell.getAttribute("disabled") != null, "nobody moves after the end");
        }

        alice.open("/");
        bob.open("/");
        assertAccessible(alice, "lobby");
        assertResult(alice, bobName, "Win");
        assertResult(bob, aliceName, "Loss");
        // The records the finishing write added to: alice's page and the leaderboard, found from the lobby.
        alice.driver()
                .findElement(By.cssSelector("a[href$='player.xhtml?name=" + aliceName + "']"))
                .click();
        alice.waitUntil(d -> !alice.all("#head-to-head").isEmpty());
        assertEquals("1 win", alice.text("#record .outcome-win"));
        assertTrue(alice.text("#head-to-head").contains(bobName + " 1 0 0"), alice.text("#head-to-head"));
        assertTrue(alice.text("#history").contains(bobName), alice.text("#history"));
        assertAccessible(alice, "player");
        alice.screenshot(Path.of("target", "screenshots", "player.png"));
        alice.open("/leaders.xhtml");
        // Every test's players share the table: the ten best of them, most wins first.
        List<WebElement> leaders = alice.all("#leaders tbody tr");
        assertTrue(!leaders.isEmpty() && leaders.size() <= 10, leaders.size() + " rows");
        List<Integer> wins = leaders.stream()
                .map(row -> Integer.valueOf(
                        row.findElements(By.tagName("td")).get(1).getText()))
                .toList();
        assertEquals(wins.stream().sorted(Comparator.reverseOrder()).toList(), wins, "most wins first");
        assertAccessible(alice, "leaderboard");
        alice.screenshot(Path.of("target", "screenshots", "leaders.png"));
        alice.open("/");
        alice.markPage();
        alice.waitForPush();
        bob.invite(aliceName);
        alice.waitForInvitationFrom(bobName);
        assertTrue(alice.stillSamePage(), "the lobby updated by itself");
        alice.assertOnPush("alice's lobby shows the invitation");
        alice.screenshot(Path.of("target", "screenshots", "lobby.png"));
    }

    /**
     * Bob resigns, after confirming: alice's page shows her win by push alone, without a reload.
     * She offers a rematch; bob's finished page shows the offer live and one click starts it. In
     * the rematch bob's time runs out, and the game ends by itself on both pages.
     */
    @Test
    void aResignationARematchInOneClickAndAGameThatEndsByItselfAllSeenLive() {
        String gameId = startGame();
        move(alice, bob, "TopLeft");
        alice.markPage();
        bob.driver().findElement(By.id("resign")).click();
        bob.waitUntil(d -> !bob.all("#resign-question").isEmpty());
        assertEquals("Resign this game? " + aliceName + " wins.", bob.text("#resign-question"));
        assertEquals("Your turn", bob.text("#status"), "nothing happened yet");
        bob.driver().findElement(By.id("resign-yes")).click();

        bob.waitUntil(d -> !bob.all(".result-note").isEmpty());
        assertEquals("You lost", bob.text(".result-text"));
        assertEquals("You resigned.", bob.text(".result-note"));
        alice.waitUntil(d -> !alice.all(".result-note").isEmpty());
        assertEquals("You won!", alice.text(".result-text"));
        assertEquals(bobName + " resigned.", alice.text(".result-note"));
        alice.assertOnPush("alice sees bob resigned");
        assertTrue(alice.stillSamePage(), "shown without a reload");
        assertTrue(alice.all("#resign").isEmpty() && bob.all("#resign").isEmpty(), "nothing left to resign");
        assertEquals("O", alice.square("TopLeft").getText(), "the board as it was");
        assertEquals(alice.gameId(), gameId);

        // Alice offers a rematch: bob's finished page shows it by push; one click starts it for both.
        bob.markPage();
        alice.driver().findElement(By.id("game:again")).click();
        alice.waitUntil(d -> alice.text("#status").equals("Waiting for " + bobName + " to accept"));
        String rematch = alice.gameId();
        assertTrue(!rematch.equals(gameId), "a new game");
        alice.markPage();
        alice.waitForPush();
        bob.waitUntil(d -> !bob.all("#rematch-offer").isEmpty());
        assertEquals(aliceName + " wants a rematch.", bob.text("#rematch-offer"));
        bob.assertOnPush("bob's finished game shows the offer");
        assertTrue(bob.stillSamePage(), "offered without a reload");
        bob.driver().findElement(By.id("rematch")).click();
        bob.waitUntil(d -> bob.gameId().equals(rematch) && !bob.all("#status").isEmpty());
        assertEquals("Waiting for " + aliceName, bob.text("#status"));
        alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
        alice.assertOnPush("alice's page sees the rematch start");
        assertTrue(alice.stillSamePage(), "the host's page follows by itself");

        // In the rematch bob lets his time run out (the stored turn set eight days back, as if that
        // long had passed): the server's sweep ends the game by itself, and both pages show it by push.
        bob.markPage();
        bob.waitForPush();
        move(alice, bob, "TopLeft");
        alice.markPage();
        bob.markPage();
        // As the app writes a turn's time: to the microsecond (the end's write condition compares it).
        String eightDaysAgo = Instant.now()
                .minus(Duration.ofDays(8))
                .truncatedTo(ChronoUnit.MICROS)
                .toString();
        try (StoredGames stored = StoredGames.open()) {
            stored.update(
                    rematch,
                    update -> update.updateExpression("SET #since = :since, #from = :from")
                            .expressionAttributeNames(Map.of("#since", "TurnSince", "#from", "StalledFrom"))
                            .expressionAttributeValues(Map.of(
                                    ":since", AttributeValue.fromS(eightDaysAgo),
                                    ":from", AttributeValue.fromS("2000-01-01T00:00:00Z"))));
        }

        alice.waitUntil(d -> !alice.all(".result-note").isEmpty());
        bob.waitUntil(d -> !bob.all(".result-note").isEmpty());
        assertEquals("You won!", alice.text(".result-text"));
        assertEquals(bobName + "'s time to move ran out.", alice.text(".result-note"));
        assertEquals("You lost", bob.text(".result-text"));
        assertEquals("Your time to move ran out.", bob.text(".result-note"));
        alice.assertOnPush("alice sees the game end");
        bob.assertOnPush("bob sees the game end");
        assertTrue(alice.stillSamePage() && bob.stillSamePage(), "shown without a reload");
    }

    @Test
    void aFullBoardWithoutALineIsADraw() {
        startGame();
        String[] squares = {
            "TopLeft",
            "TopMiddle",
            "TopRight",
            "MiddleMiddle",
            "MiddleLeft",
            "MiddleRight",
            "BottomMiddle",
            "BottomLeft",
            "BottomRight"
        };
        Browser mover = alice;
        Browser other = bob;
        for (String square : squares) {
            move(mover, other, square);
            Browser swap = mover;
            mover = other;
            other = swap;
        }
        alice.waitUntil(d -> alice.text(".result-text").equals("Draw"));
        bob.waitUntil(d -> bob.text(".result-text").equals("Draw"));
        bob.assertOnPush("bob sees the draw");
        assertTrue(winningSquares(alice).isEmpty());

        // Play again invites the same opponent; he declines from his lobby and she sees it live.
        bob.open("/");
        assertResult(bob, aliceName, "Draw");
        bob.markPage();
        bob.waitForPush();
        alice.driver().findElement(By.id("game:again")).click();
        alice.waitUntil(d -> alice.text("#status").equals("Waiting for " + bobName + " to accept"));
        alice.markPage();
        alice.waitForPush();
        bob.waitForInvitationFrom(aliceName);
        bob.assertOnPush("bob's lobby shows the invitation");
        bob.all("[aria-label='Decline the invitation from " + aliceName + "']")
                .get(0)
                .click();
        bob.waitUntil(d -> bob.text(".messages-region").contains("Invitation declined."));
        assertFalse(bob.text(".lobby").contains(aliceName + " invites you"));
        alice.waitUntil(d -> alice.text("#status").equals("This invitation was declined or cancelled."));
        alice.assertOnPush("alice sees the decline");
        assertTrue(alice.stillSamePage() && bob.stillSamePage());

        alice.open("/");
        assertResult(alice, bobName, "Draw");
    }

    /**
     * A finished game replayed with the keyboard, from its game page's link: Home, the arrows and
     * End each lead to the position's own address and show its board, the move that led there
     * marked. A game the original app played shows its final board and says why only that. Both
     * games are written to the table as stored (that each move records the order in its one write
     * is MoveOrderOnDynamoDbTest's), which keeps this test short.
     */
    @Test
    void aFinishedGameIsReplayedWithTheKeyboard() {
        String gameId = UUID.randomUUID().toString();
        String original = UUID.randomUUID().toString();
        try (StoredGames stored = StoredGames.open()) {
            stored.update(
                    gameId,
                    finishedGame(Map.of(
                            "TopLeft", "O",
                            "MiddleLeft", "X",
                            "TopMiddle", "O",
                            "MiddleMiddle", "X",
                            "TopRight", "O",
                            "Moves", "TopLeft MiddleLeft TopMiddle MiddleMiddle TopRight")));
            // ORIGINAL.md's example of a finished game: no Moves.
            stored.update(
                    original,
                    finishedGame(Map.of(
                            "TopLeft", "O",
                            "MiddleMiddle", "O",
                            "BottomRight", "O",
                            "TopRight", "X",
                            "BottomLeft", "X")));
        }

        bob.open("/game.xhtml?id=" + gameId);
        bob.driver().findElement(By.id("replay")).click();
        bob.waitUntil(d -> d.getCurrentUrl().endsWith("/replay.xhtml?game=" + gameId));
        assertEquals("Move 5 of 5: O, Top right", bob.text("#status"), "the end first");
        assertEquals(
                Set.of("TopLeft", "TopMiddle", "TopRight"),
                Set.copyOf(bob.all(".board .winning").stream()
                        .map(cell -> cell.getAttribute("data-square"))
                        .toList()));
        assertAccessible(bob, "replay");

        stepTo(Keys.HOME, 0, "Before the first move (5 moves)");
        assertEquals(List.of(), marked(), "the empty board");
        stepTo(Keys.ARROW_RIGHT, 1, "Move 1 of 5: O, Top left");
        stepTo(Keys.ARROW_RIGHT, 2, "Move 2 of 5: X, Middle left");
        assertEquals(List.of("TopLeft=O", "MiddleLeft=X"), marked());
        assertEquals(
                "MiddleLeft",
                bob.driver().findElement(By.cssSelector(".board .last-move")).getAttribute("data-square"));
        stepTo(Keys.ARROW_LEFT, 1, "Move 1 of 5: O, Top left");
        assertEquals(List.of("TopLeft=O"), marked());
        stepTo(Keys.END, 5, "Move 5 of 5: O, Top right");
        assertEquals(5, marked().size());
        bob.screenshot(Path.of("target", "screenshots", "replay.png"));

        bob.open("/replay.xhtml?game=" + original);
        assertTrue(bob.text("#status").startsWith("This is how the game ended. It cannot be replayed"));
        assertEquals(List.of("TopLeft=O", "TopRight=X", "MiddleMiddle=O", "BottomLeft=X", "BottomRight=O"), marked());
        assertTrue(bob.all("a[data-key]").isEmpty(), "nothing to step through");
    }

    /** Alice's win over bob, as the table stores it, with these squares (and Moves, if given). */
    private Consumer<UpdateItemRequest.Builder> finishedGame(Map<String, String> squares) {
        Map<String, String> attributes = new HashMap<>(squares);
        attributes.putAll(Map.of(
                "HostId", aliceName,
                "OpponentId", bobName,
                "OUser", aliceName,
                "Turn", "N/A",
                "StatusDate", "FINISHED_2026-11-21 10:24:05.918273",
                "Result", aliceName));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        attributes.forEach((name, value) -> {
            names.put("#" + name, name);
            values.put(":" + name, AttributeValue.fromS(value));
            sets.add("#" + name + " = :" + name);
        });
        return update -> update.updateExpression("SET " + String.join(", ", sets))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    /** Bob presses the key; his browser goes to that position's address and shows it. */
    private void stepTo(Keys key, int move, String status) {
        new Actions(bob.driver()).sendKeys(key).perform();
        bob.waitUntil(d -> d.getCurrentUrl().endsWith("&move=" + move));
        assertEquals(status, bob.text("#status"));
    }

    /** The marks of bob's replay board, as "square=mark" in the board's order. */
    private List<String> marked() {
        return bob.all(".board .cell").stream()
                .filter(cell -> !cell.getText().isEmpty())
                .map(cell -> cell.getAttribute("data-square") + "=" + cell.getText())
                .toList();
    }

    /**
     * A third signed-in player opens the game of two others: both players' moves reach her page
     * by push alone (she is cut off from polling too), and she cannot move: her squares are
     * disabled, and a click forced on one anyway is refused by the game's rules, nothing written.
     */
    @Test
    void aThirdPlayerWatchesByPushAloneButCannotMove() {
        String gameId = startGame();
        try (Browser carol = new Browser(base)) {
            carol.pushOnly();
            carol.signUp("carol-" + UUID.randomUUID().toString().substring(0, 6), PASSWORD);
            carol.open("/game.xhtml?id=" + gameId);
            carol.markPage();
            carol.waitForPush();
            assertEquals("You are watching", carol.text(".your-mark"));
            for (WebElement cell : carol.all(".board .cell")) {
                assertTrue(cell.getAttribute("disabled") != null, "a watcher cannot move");
            }
            move(alice, carol, "MiddleMiddle");
            assertEquals("Centre, O", carol.square("MiddleMiddle").getAttribute("aria-label"));
            bob.waitForMarkByPush("MiddleMiddle");
            move(bob, carol, "TopLeft");
            assertEquals("Top left, X", carol.square("TopLeft").getAttribute("aria-label"));
            alice.waitForMarkByPush("TopLeft");
            assertTrue(carol.stillSamePage());
            assertTrue(carol.square("TopRight").getAttribute("disabled") != null);

            // Her square's button, enabled by hand and clicked, posts the square: the rules refuse it.
            carol.driver()
                    .executeScript("var b = document.querySelector(\".board [data-square='TopRight']\");"
                            + " b.removeAttribute('disabled'); b.click();");
            carol.waitUntil(d -> carol.text(".messages-region").contains("You are not a player in this game."));
            assertEquals("Top right, empty", carol.square("TopRight").getAttribute("aria-label"));
            assertEquals("Top right, empty", alice.square("TopRight").getAttribute("aria-label"), "nothing written");
            assertEquals("Your turn", alice.text("#status"), "still alice's turn");
            carol.assertOnPush("carol after the refused click");

            // On a phone-sized screen the whole board still fits the width.
            carol.driver().manage().window().setSize(new Dimension(390, 844));
            carol.open("/game.xhtml?id=" + gameId);
            long boardRight = (Long) carol.driver()
                    .executeScript(
                            "return Math.round(document.querySelector('.board').getBoundingClientRect().right);");
            assertTrue(boardRight <= 390, "board ends at " + boardRight);
            carol.screenshot(Path.of("target", "screenshots", "game-phone.png"));
            carol.open("/");
            carol.screenshot(Path.of("target", "screenshots", "lobby-phone.png"));
            assertNoConsoleErrors(carol, "carol");
        }
    }

    /**
     * The fallback, and the only test whose pages follow by polling: dave's browser has no
     * WebSocket and is not cut off from polling; his lobby and his board catch up by polls.
     */
    @Test
    void withoutWebSocketsPagesFollowByPolling() {
        try (Browser dave = new Browser(base)) {
            // The visitor's pages have no serious accessibility violations (the others are scanned where
            // the win test passes by them).
            dave.open("/signin.xhtml");
            assertAccessible(dave, "sign-in");
            dave.open("/signup.xhtml");
            assertAccessible(dave, "sign-up");
            dave.withoutWebSockets();
            String daveName = "dave-" + UUID.randomUUID().toString().substring(0, 6);
            dave.signUp(daveName, PASSWORD);
            dave.open("/");
            dave.markPage();
            assertEquals(Boolean.TRUE, dave.driver().executeScript("return typeof window.WebSocket === 'undefined';"));

            alice.invite(daveName);
            String gameId = alice.gameId();
            alice.waitForPush();
            dave.waitForInvitationFrom(aliceName);
            assertTrue(dave.stillSamePage(), "the lobby caught up without a reload");

            dave.acceptInvitationFrom(aliceName, gameId);
            dave.markPage();
            alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
            alice.assertOnPush("alice sees dave accept");
            alice.play("BottomLeft");
            dave.waitForMark("BottomLeft");
            assertEquals("Your turn", dave.text("#status"));
            assertTrue(dave.stillSamePage(), "the board caught up without a reload");
            assertEquals("poll", dave.liveMode());
            assertTrue(dave.scriptRequestsTo("/api/games/" + gameId + "/version") > 0, "dave's page polled");
            assertNoConsoleErrors(dave, "dave");
        }
    }

    private static void assertAccessible(Browser browser, String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(PlayInBrowsersIT::describe)
                .toList();
        assertTrue(serious.isEmpty(), page + " page: " + serious);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .toList();
    }

    private static Set<String> winningSquares(Browser browser) {
        return Set.copyOf(browser.all(".board .cell.winning").stream()
                .map(cell -> cell.getAttribute("data-square"))
                .toList());
    }

    private static void assertResult(Browser browser, String opponent, String outcome) {
        List<WebElement> rows = browser.all("#results-title ~ ul .game-row");
        assertTrue(rows.size() >= 1, "a recent result is listed");
        String first = rows.get(0).getText();
        assertTrue(first.contains(opponent) && first.contains(outcome), first);
    }
}
