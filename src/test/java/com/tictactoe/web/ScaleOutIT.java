package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.run.PayaraMicroProcess;
import com.tictactoe.run.PayaraMicroProcess.LoopbackCluster;
import com.tictactoe.testsupport.Browser;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.FailoverProxy;
import com.tictactoe.testsupport.PushLatencies;
import com.tictactoe.testsupport.StoredGames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two servers on one DynamoDB, as behind a load balancer: Alice reaches server A through a proxy
 * that fails over to B, Bob is served by B. Both browsers are cut off from the endpoints that
 * pages poll, so whatever a page learns of the other player comes by push from the other server.
 * Then A is killed in the middle of a game, and Alice plays on, on B, without signing in again.
 */
class ScaleOutIT {

    private static final String PASSWORD = "correct horse";
    private static final long PUSH_WITHIN_MILLIS = 1000;
    private static final String[][] DRAWS = {
        {
            "TopLeft",
            "TopMiddle",
            "TopRight",
            "MiddleMiddle",
            "MiddleLeft",
            "MiddleRight",
            "BottomMiddle",
            "BottomLeft",
            "BottomRight"
        }
    };

    @Test
    void movesCrossServersByPushAndAPlayerCarriesOnWhenHisServerStops() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String aliceName = "alice-" + run;
        String bobName = "bob-" + run;
        int gridA = DynamoDbLocal.freePort();
        int gridB = DynamoDbLocal.freePort();
        String cluster = "tictactoe-it-" + run;
        try (PayaraMicroProcess a = member(new LoopbackCluster(cluster, gridA, List.of(gridA, gridB)));
                PayaraMicroProcess b = member(new LoopbackCluster(cluster, gridB, List.of(gridA, gridB)))) {
            CompletableFuture<Void> startingA = CompletableFuture.runAsync(a::start);
            b.start();
            startingA.join();
            awaitOneClusterOfTwo(a, b);
            try (FailoverProxy alicesWay =
                            FailoverProxy.to(a.base().getPort(), b.base().getPort());
                    Browser alice = new Browser(alicesWay.base());
                    Browser bob = new Browser(b.base().toURL())) {
                alice.signUp(aliceName, PASSWORD);
                bob.signUp(bobName, PASSWORD);
                alice.withoutPolling();
                bob.withoutPolling();

                PushLatencies latencies = new PushLatencies();
                for (String[] draw : DRAWS) {
                    startGame(alice, aliceName, bob, bobName);
                    latencies.play(alice, bob, draw);
                    alice.waitUntil(d -> alice.text(".result-text").equals("Draw"));
                    bob.waitUntil(d -> bob.text(".result-text").equals("Draw"));
                }

                String gameId = startGame(alice, aliceName, bob, bobName);
                latencies.play(alice, bob, "TopLeft", "MiddleMiddle", "TopMiddle", "BottomLeft");
                assertTrue(alice.stillSamePage() && bob.stillSamePage(), "no page was reloaded during the games");
                assertEquals(List.of(), alice.consoleErrors(ScaleOutIT::blockedPoll), "alice's console");
                assertEquals(List.of(), bob.consoleErrors(ScaleOutIT::blockedPoll), "bob's console");
                report(latencies);

                a.kill();
                // Alice's page was A's. Her click reaches B, which has neither her session nor
                // her page's view: B signs her in from her cookie and refuses the click, whose form
                // token was her old session's; the page, re-rendered, is reloaded as it is now,
                // saying the click did not count.
                alice.square("TopRight").click();
                alice.waitUntil(d -> !alice.stillSamePage());
                alice.waitUntil(d -> !alice.all(".notice").isEmpty());
                assertTrue(
                        alice.driver().getCurrentUrl().startsWith(alicesWay.base() + "game.xhtml?id=" + gameId),
                        alice.driver().getCurrentUrl());
                assertEquals("Signed in as " + aliceName, alice.text(".who"));
                assertTrue(alice.text(".notice").contains("please try again"), alice.text(".notice"));
                assertEquals("Your turn", alice.text("#status"));
                assertEquals("Top left, O", alice.square("TopLeft").getAttribute("aria-label"));
                assertEquals("Bottom left, X", alice.square("BottomLeft").getAttribute("aria-label"));
                assertTrue(alice.square("TopRight").getAttribute("aria-label").endsWith("empty"));
                alice.waitForPush();

                // Her next click counts; Bob, on B all along, sees it by push as before.
                alice.markPage();
                move(alice, bob, "TopRight");
                alice.waitUntil(d -> alice.text(".result-text").equals("You won!"));
                bob.waitUntil(d -> bob.text(".result-text").equals("You lost"));
                assertTrue(bob.stillSamePage(), "Bob's page went on as if nothing happened");
                assertTrue(alice.stillSamePage(), "no second reload");

                Map<String, AttributeValue> item = storedGame(gameId);
                assertTrue(item.get("StatusDate").s().startsWith("FINISHED_"), item.toString());
                assertEquals(aliceName, item.get("Result").s());
                assertEquals(
                        5, item.keySet().stream().filter(ScaleOutIT::isSquare).count(), item.toString());
                assertEquals(
                        List.of(),
                        alice.consoleErrors(message -> blockedPoll(message) || serverGone(message)),
                        "alice's console after the failover");
                assertEquals(List.of(), bob.consoleErrors(ScaleOutIT::blockedPoll), "bob's console");
            }
        }
    }

    /** The packaged WAR on the Payara Micro jar that Failsafe names, its console in target/payara-PORT.log. */
    private static PayaraMicroProcess member(LoopbackCluster cluster) {
        String jar = System.getProperty("payara.microJar");
        if (jar == null) {
            throw new IllegalStateException("payara.microJar is not set: run the tests with 'mvn verify'");
        }
        int port = DynamoDbLocal.freePort();
        return new PayaraMicroProcess(
                Path.of(jar),
                Path.of("target", "tictactoe.war"),
                port,
                DynamoDbLocalSession.endpoint(),
                Path.of(System.getProperty("payara.preboot", "deploy/payara-preboot.asadmin")),
                "384m",
                List.of(),
                ProcessBuilder.Redirect.appendTo(logOf(port).toFile()),
                cluster);
    }

    private static Path logOf(int port) {
        return Path.of("target", "payara-" + port + ".log");
    }

    /**
     * Both servers say that their cluster has two members: started together, they could each form
     * one of their own and only merge minutes later.
     */
    private static void awaitOneClusterOfTwo(PayaraMicroProcess... servers) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (PayaraMicroProcess server : servers) {
            Path log = logOf(server.base().getPort());
            while (!read(log).contains("DG Size: 2")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The servers did not form one cluster; see " + log);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Alice (on A) invites Bob; Bob's lobby (on B) shows it without a reload; he accepts, and
     * Alice's page turns to "Your turn" by itself; Bob's page has its websocket open. Returns the game id.
     */
    private static String startGame(Browser alice, String aliceName, Browser bob, String bobName) {
        String gameId = Browser.startGame(alice, aliceName, bob, bobName);
        bob.waitForPush();
        return gameId;
    }

    private static void move(Browser mover, Browser other, String square) {
        mover.play(square);
        other.waitForMark(square);
    }

    /** Prints p50/p95/max of the cross-server push latency; the 1 s bound holds for the p95. */
    private static void report(PushLatencies latencies) {
        System.out.printf(
                "Cross-server push latency, click to the opponent's board on the other server, %s;"
                        + " in order of play %s%n",
                latencies.summary(), latencies.rounded());
        double p95 = latencies.percentile(95);
        assertTrue(p95 <= PUSH_WITHIN_MILLIS, "p95 " + p95 + " ms");
    }

    /** Requests this test itself blocked (see Browser.withoutPolling). */
    private static boolean blockedPoll(String message) {
        return message.contains("/api/") && message.contains("ERR_BLOCKED_BY_CLIENT");
    }

    /**
     * The killed server's websocket, and its reconnection attempts until the page reloads; and the
     * click that reached the other server with the killed session's form token, refused (403).
     */
    private static boolean serverGone(String message) {
        return message.contains("WebSocket connection to")
                || message.contains("ERR_CONNECTION_REFUSED")
                || message.contains("ERR_CONNECTION_RESET")
                || message.contains("ERR_EMPTY_RESPONSE")
                || message.contains("/moves/TopRight") && message.contains("status of 403");
    }

    private static boolean isSquare(String attribute) {
        return attribute.matches("(Top|Middle|Bottom)(Left|Middle|Right)");
    }

    private static Map<String, AttributeValue> storedGame(String gameId) {
        try (StoredGames stored = StoredGames.open()) {
            return stored.get(gameId);
        }
    }
}
