package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.run.PayaraMicroProcess;
import com.tictactoe.testsupport.Browser;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.StoredGames;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The server is killed in the middle of a game and started again. The game goes on from
 * DynamoDB, and both players' open pages find their way back by themselves: still signed in,
 * showing the board as it is, and followed by push again.
 */
class ServerRestartIT {

    private static final String PASSWORD = "correct horse";

    @Test
    void aGameGoesOnAfterTheServerWasKilledAndStartedAgain() throws MalformedURLException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String aliceName = "alice-" + run;
        String bobName = "bob-" + run;
        try (PayaraMicroProcess server = thisBuildsWar(DynamoDbLocal.freePort())) {
            server.start();
            URL base = server.base().toURL();
            try (Browser alice = new Browser(base);
                    Browser bob = new Browser(base)) {
                alice.signUp(aliceName, PASSWORD);
                bob.signUp(bobName, PASSWORD);
                alice.invite(bobName);
                String gameId = alice.gameId();
                bob.open("/game.xhtml?id=" + gameId);
                bob.driver()
                        .findElement(org.openqa.selenium.By.id("game:accept"))
                        .click();
                alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
                pushing(alice, bob);
                move(alice, bob, "TopLeft");
                move(bob, alice, "MiddleMiddle");

                server.kill();
                alice.waitUntil(d -> alice.liveMode().equals("poll"));
                bob.waitUntil(d -> bob.liveMode().equals("poll"));
                server.start();

                // Both pages come back to push on their own, the players still signed in.
                pushing(alice, bob);
                // Until then they met a server that was down, then one still deploying the app.
                for (Browser browser : List.of(alice, bob)) {
                    assertEquals(List.of(), browser.consoleErrors(ServerRestartIT::whileServerWasDown));
                }
                alice.waitUntil(d -> alice.text("#status").equals("Your turn"));
                assertEquals("Top left, O", bob.square("TopLeft").getAttribute("aria-label"));
                move(alice, bob, "TopMiddle");
                move(bob, alice, "BottomLeft");
                move(alice, bob, "TopRight");
                alice.waitUntil(d -> alice.text(".result-text").equals("You won!"));
                bob.waitUntil(d -> bob.text(".result-text").equals("You lost"));

                Map<String, AttributeValue> item = storedGame(gameId);
                assertTrue(item.get("StatusDate").s().startsWith("FINISHED_"), item.toString());
                assertEquals(aliceName, item.get("Result").s());
                for (String square : List.of("TopLeft", "TopMiddle", "TopRight")) {
                    assertEquals("O", item.get(square).s(), square);
                }
                for (String square : List.of("MiddleMiddle", "BottomLeft")) {
                    assertEquals("X", item.get(square).s(), square);
                }
                assertEquals(
                        5,
                        item.keySet().stream().filter(ServerRestartIT::isSquare).count(),
                        item.toString());

                for (Browser browser : List.of(alice, bob)) {
                    assertEquals(List.of(), browser.consoleErrors(message -> false), "once recovered, no error at all");
                }
            }
        }
    }

    /** The packaged WAR on the Payara Micro jar that Failsafe names, its console in target/payara-PORT.log. */
    private static PayaraMicroProcess thisBuildsWar(int port) {
        String jar = System.getProperty("payara.microJar");
        if (jar == null) {
            throw new IllegalStateException("payara.microJar is not set: run the tests with 'mvn verify'");
        }
        return new PayaraMicroProcess(
                Path.of(jar),
                Path.of("target", "tictactoe.war"),
                port,
                DynamoDbLocalSession.endpoint(),
                Path.of(System.getProperty("payara.preboot", "deploy/payara-preboot.asadmin")),
                "384m",
                ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "payara-" + port + ".log").toFile()));
    }

    private static void pushing(Browser... browsers) {
        for (Browser browser : browsers) {
            browser.waitUntil(d -> browser.liveMode().equals("push"));
        }
    }

    private static void move(Browser mover, Browser other, String square) {
        mover.play(square);
        other.waitUntil(d -> !other.square(square).getAttribute("aria-label").endsWith("empty"));
    }

    private static boolean whileServerWasDown(String message) {
        return message.contains("ERR_CONNECTION_REFUSED")
                || message.contains("WebSocket connection to")
                || message.contains("Failed to fetch")
                || message.contains("ERR_CONNECTION_RESET")
                || message.contains("ERR_EMPTY_RESPONSE")
                || message.matches(".*Failed to load resource: the server responded with a status of (404|500|503).*");
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
