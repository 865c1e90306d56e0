package com.tictactoe.web;

import static com.tictactoe.testsupport.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.Html;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.ServerMetrics;
import com.tictactoe.testsupport.StoredGames;
import com.tictactoe.testsupport.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Requests no browser of ours would send, through the real HTTP interface: each is refused with a
 * clear answer, and the Games table is exactly as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestsIT {

    private static final String PASSWORD = "s3cret-enough";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    @RegisterExtension
    static final StoredGames stored = StoredGames.open();

    /** Two signed-in players and a game between them where it is the host's turn. */
    private record Match(WebClient host, WebClient guest, String gameId) {}

    private Match match() {
        WebClient host = new WebClient(base);
        WebClient guest = new WebClient(base);
        String guestName = Names.unique("guest");
        host.signUp(Names.unique("host"), PASSWORD);
        guest.signUp(guestName, PASSWORD);
        String gameId = host.invite(guestName);
        guest.get("/game.xhtml?id=" + gameId);
        guest.post(
                "/game.xhtml?id=" + gameId,
                form(
                        "game",
                        "game",
                        "gameId",
                        gameId,
                        "game:accept",
                        "Accept",
                        "jakarta.faces.ViewState",
                        guest.viewState(),
                        "tictactoe-token",
                        guest.formToken()));
        return new Match(host, guest, gameId);
    }

    private static Map<String, String> moveForm(WebClient player, String gameId, String square) {
        Optional<String> topLeft = Html.cell(player.lastPage(), "TopLeft");
        assertTrue(topLeft.isPresent(), "the board's buttons are on the page");
        return form(
                "game",
                "game",
                "gameId",
                gameId,
                Html.attribute(topLeft.get(), "name"),
                square,
                "jakarta.faces.ViewState",
                player.viewState(),
                "tictactoe-token",
                player.formToken());
    }

    @Test
    @Order(1)
    void aMoveWithoutAValidViewStateIsRefused() {
        Match match = match();
        match.host().get("/game.xhtml?id=" + match.gameId());
        Map<String, String> move = moveForm(match.host(), match.gameId(), "TopLeft");
        List<Map<String, AttributeValue>> before = stored.all();

        move.put("jakarta.faces.ViewState", "-1234567890:987654321");
        HttpResponse<String> plain = match.host().post("/game.xhtml", move);
        assertEquals(302, plain.statusCode());
        assertTrue(
                plain.headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .endsWith("/game.xhtml?id=" + match.gameId() + "&expired=true"),
                "back to the page, with a notice");

        HttpResponse<String> ajax = match.host().ajax("/game.xhtml", move);
        assertTrue(
                ajax.body().contains("/game.xhtml?id=" + match.gameId() + "&amp;expired=true\"></redirect>"),
                ajax.body());

        move.remove("jakarta.faces.ViewState");
        match.host().post("/game.xhtml", move);
        assertEquals(before, stored.all(), "nothing was written");
        assertTrue(match.host()
                .getFollowing("/game.xhtml?id=" + match.gameId() + "&expired=true")
                .body()
                .contains("was reloaded"));
    }

    @Test
    @Order(2)
    void aForgedSquareIsRefusedWithAMessage() {
        Match match = match();
        for (String forged : new String[] {"HostId", "Result", "TopLeft OR 1=1", "x".repeat(5000)}) {
            match.host().get("/game.xhtml?id=" + match.gameId());
            List<Map<String, AttributeValue>> before = stored.all();
            HttpResponse<String> response =
                    match.host().post("/game.xhtml", moveForm(match.host(), match.gameId(), forged));
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("There is no such square."), forged);
            assertEquals(
                    before,
                    stored.all(),
                    "nothing was written for " + forged.substring(0, Math.min(20, forged.length())));
        }
        // The same request with a real square is a move.
        match.host().get("/game.xhtml?id=" + match.gameId());
        match.host().post("/game.xhtml", moveForm(match.host(), match.gameId(), "MiddleMiddle"));
        assertEquals("O", stored.get(match.gameId()).get("MiddleMiddle").s());
    }

    @Test
    @Order(3)
    void someoneElsesGameCannotBePlayedAndAnUnknownOneIsNotFound() {
        Match match = match();
        WebClient mallory = new WebClient(base);
        mallory.signUp(Names.unique("mallory"), PASSWORD);
        HttpResponse<String> watching = mallory.get("/game.xhtml?id=" + match.gameId());
        assertEquals(200, watching.statusCode());
        assertTrue(watching.body().contains("You are watching"));
        List<Map<String, AttributeValue>> before = stored.all();
        HttpResponse<String> forged = mallory.post("/game.xhtml", moveForm(mallory, match.gameId(), "TopLeft"));
        assertEquals(200, forged.statusCode());
        assertEquals(before, stored.all(), "a watcher's forged move writes nothing");

        for (String id : new String[] {UUID.randomUUID().toString(), "nonsense", "%3Cscript%3E", "x".repeat(3000)}) {
            HttpResponse<String> missing = mallory.get("/game.xhtml?id=" + id);
            assertEquals(404, missing.statusCode(), id);
            assertTrue(missing.body().contains("Back to the lobby"));
            assertFalse(missing.body().contains("Exception"));
            HttpResponse<String> noReplay = mallory.get("/replay.xhtml?game=" + id + "&move=2");
            assertEquals(404, noReplay.statusCode(), "replay of " + id);
            assertFalse(noReplay.body().contains("Exception"));
        }
        assertEquals(
                404, mallory.get("/api/games/" + UUID.randomUUID() + "/version").statusCode());
    }

    @Test
    @Order(4)
    void scriptInAUsernameIsRefusedAndShownEscaped() {
        WebClient visitor = new WebClient(base);
        List<Map<String, AttributeValue>> before = stored.all();
        HttpResponse<String> refused = visitor.signUp("<script>alert(1)</script>", PASSWORD);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("A username has 3 to 20 letters"));
        assertFalse(refused.body().contains("<script>alert(1)"));
        assertTrue(
                refused.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the typed value comes back escaped");

        String eve = Names.unique("eve");
        visitor.signUp(eve, PASSWORD);
        visitor.get("/");
        HttpResponse<String> invite = visitor.post(
                "/index.xhtml",
                form(
                        "invite",
                        "invite",
                        "invite:opponent",
                        "<img src=x onerror=alert(1)>",
                        "invite:send",
                        "Invite",
                        "jakarta.faces.ViewState",
                        visitor.viewState(),
                        "tictactoe-token",
                        visitor.formToken()));
        assertTrue(invite.body().contains("There is no player called"));
        assertFalse(invite.body().contains("<img src=x"));
        assertTrue(invite.body().contains("&lt;img src=x onerror=alert(1)&gt;"));

        for (String[] refusal : new String[][] {
            {"", "Please name an opponent."},
            {"   ", "Please name an opponent."},
            {eve.toUpperCase(), "You cannot invite yourself."},
            {"x".repeat(500), "There is no player called"}
        }) {
            visitor.get("/");
            HttpResponse<String> answer = visitor.post(
                    "/index.xhtml",
                    form(
                            "invite",
                            "invite",
                            "invite:opponent",
                            refusal[0],
                            "invite:send",
                            "Invite",
                            "jakarta.faces.ViewState",
                            visitor.viewState(),
                            "tictactoe-token",
                            visitor.formToken()));
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains(refusal[1]), refusal[1]);
        }
        assertEquals(before, stored.all());
    }

    /**
     * Invite as the lobby's script sends it (POST /api/invitations?opponent=...): the form's
     * refusals, as JSON with their reason and nothing written; then an invitation and its page.
     */
    @Test
    @Order(4)
    void theLobbysScriptInvitesWithTheFormsRefusals() {
        WebClient player = new WebClient(base);
        String eve = Names.unique("eve");
        String bob = Names.unique("bob");
        new WebClient(base).signUp(bob, PASSWORD);
        player.signUp(eve, PASSWORD);
        player.get("/");
        String token = player.formToken();
        List<Map<String, AttributeValue>> before = stored.all();
        for (String[] refusal : new String[][] {
            {"", "OPPONENT_REQUIRED", "Please name an opponent."},
            {"&opponent=bob", "OPPONENT_REQUIRED", "Please name an opponent."},
            {"%20%20", "OPPONENT_REQUIRED", "Please name an opponent."},
            {eve.toUpperCase(), "SELF_INVITATION", "You cannot invite yourself."},
            {"%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "NO_SUCH_PLAYER", "There is no player called"},
            {"x".repeat(500), "NO_SUCH_PLAYER", "There is no player called"}
        }) {
            HttpResponse<String> answer = player.scriptPost("/api/invitations?opponent=" + refusal[0], token);
            assertEquals(409, answer.statusCode(), refusal[0] + ": " + answer.body());
            assertTrue(answer.body().contains("\"reason\":\"" + refusal[1] + "\""), answer.body());
            assertTrue(answer.body().contains(refusal[2]), answer.body());
            assertFalse(answer.body().contains("<img"), "escaped in JSON: " + answer.body());
        }
        assertEquals(
                403, player.scriptPost("/api/invitations?opponent=" + bob, null).statusCode());
        assertEquals(
                401,
                new WebClient(base)
                        .scriptPost("/api/invitations?opponent=" + bob, token)
                        .statusCode());
        assertEquals(405, player.get("/api/invitations?opponent=" + bob).statusCode(), "an invitation by a link");
        assertEquals(before, stored.all(), "nothing written by any refusal");

        HttpResponse<String> invited = player.scriptPost("/api/invitations?opponent=" + bob.toUpperCase(), token);
        assertEquals(200, invited.statusCode(), invited.body());
        String gameId = invited.body().replaceAll(".*\"game\":\"([^\"]+)\".*", "$1");
        assertTrue(
                invited.body().contains("\"page\":\"" + base.getPath() + "game.xhtml?id=" + gameId + "\""),
                invited.body());
        HttpResponse<String> again = player.scriptPost("/api/invitations?opponent=" + bob, token);
        assertTrue(again.body().contains(gameId), "a second click finds the invitation it sent: " + again.body());
        assertEquals(before.size() + 1, stored.all().size(), "one game written");
        HttpResponse<String> page = player.get("/game.xhtml?id=" + gameId);
        assertTrue(
                page.body().contains("Waiting for " + bob + " to accept"),
                "the host's page names the guest as the accounts spell it");
    }

    @Test
    @Order(5)
    void signingInGivesANewSession() {
        String name = Names.unique("frank");
        new WebClient(base).signUp(name, PASSWORD);

        WebClient frank = new WebClient(base);
        frank.get("/signin.xhtml");
        assertEquals(null, frank.sessionId(), "no session before signing in");
        // A session id planted in the browser (another player's own) does not carry over into frank's.
        WebClient mallory = new WebClient(base);
        mallory.signUp(Names.unique("mallory"), PASSWORD);
        String planted = mallory.sessionId();
        frank.setCookie("JSESSIONID", planted);
        HttpResponse<String> signedIn = frank.signIn(name, PASSWORD);
        assertEquals(302, signedIn.statusCode());
        String issued = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";", 2)[0])
                .findFirst()
                .orElse(null);
        assertTrue(issued != null && !issued.equals(planted), "a new session id after sign-in: " + issued);
        assertEquals(200, frank.get("/").statusCode());
        WebClient withPlantedId = new WebClient(base);
        withPlantedId.setCookie("JSESSIONID", planted);
        assertEquals(302, withPlantedId.get("/").statusCode(), "the planted id is signed in as nobody now");
        // Repeated failures are slowed per client address and account: LimitsIT.
    }

    @Test
    @Order(6)
    void pagesNeedASignedInPlayer() {
        WebClient stranger = new WebClient(base);
        for (String path : new String[] {"/", "/index.xhtml", "/game.xhtml?id=" + UUID.randomUUID()}) {
            HttpResponse<String> response = stranger.get(path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("/signin.xhtml"), path);
        }
        assertEquals(401, stranger.get("/api/me/changes").statusCode());
        HttpResponse<String> ajax =
                stranger.ajax("/game.xhtml", form("game", "game", "jakarta.faces.partial.ajax", "true"));
        assertEquals(200, ajax.statusCode(), "faces.js follows redirects only from a partial response");
        assertTrue(
                ajax.body().contains("<redirect url=\"/tictactoe/signin.xhtml\">")
                        || ajax.body().matches("(?s).*<redirect url=\"[^\"]*/signin\\.xhtml\">.*"),
                ajax.body());
        HttpResponse<String> fromGame = stranger.get("/game.xhtml?id=" + UUID.randomUUID());
        String signIn = fromGame.headers().firstValue("Location").orElseThrow();
        assertTrue(
                signIn.contains("?to=%2Fgame.xhtml%3Fid%3D"), "brought back to the game after signing in: " + signIn);
        assertEquals(
                401,
                stranger.get("/api/games/" + UUID.randomUUID() + "/version").statusCode());
    }

    @Test
    @Order(7)
    void anOutageGivesAFriendlyPageAndTheAppRecoversByItself() {
        WebClient player = new WebClient(base);
        player.signUp(Names.unique("grace"), PASSWORD);
        assertEquals(200, player.get("/").statusCode());
        assertEquals(200, health("ready").statusCode(), "ready while DynamoDB answers");
        ServerMetrics before = ServerMetrics.scrape();

        DynamoDbLocalSession.stop();
        try {
            // A game page reads the table (a known lobby may still be answered from memory).
            HttpResponse<String> down = player.get("/game.xhtml?id=" + UUID.randomUUID());
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("Back in a moment"));
            assertShowsItsReference(down);
            assertTrue(down.body().contains("http-equiv=\"refresh\""), "the page retries by itself");
            assertFalse(down.body().contains("Exception"));
            HttpResponse<String> poll = player.get("/api/games/" + UUID.randomUUID() + "/version");
            assertEquals(503, poll.statusCode());
            assertTrue(
                    poll.headers().firstValue("Retry-After").isPresent(),
                    "the page's script is told when to ask again");
            assertTrue(
                    poll.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    poll.headers().toString());
            assertTrue(poll.body().contains("\"error\":\"The game store is unavailable"), poll.body());

            HttpResponse<String> notReady = healthWithin(Duration.ofSeconds(10), "ready", 503);
            assertEquals(
                    "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"dynamodb\",\"status\":\"DOWN\",\"data\":{}}]}",
                    notReady.body(),
                    "DOWN, and not a word of why");
            assertEquals(200, health("live").statusCode(), "alive all the same: restarting would not help");
            assertTrue(
                    ServerMetrics.scrape()
                                    .since(before, "tictactoe_dynamodb_errors_total", "error", "SdkClientException")
                            >= 1,
                    "the failed calls are counted");
        } finally {
            DynamoDbLocalSession.restart();
        }
        assertEquals(200, player.get("/").statusCode(), "back without restarting the app");
        healthWithin(Duration.ofSeconds(10), "ready", 200);
    }

    private HttpResponse<String> health(String check) {
        URI uri = URI.create(base.toString()).resolve("/health/" + check);
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The check's answer once it has the status, which may take the probe's two seconds of cache. */
    private HttpResponse<String> healthWithin(Duration time, String check, int status) {
        long deadline = System.nanoTime() + time.toNanos();
        HttpResponse<String> answer = health(check);
        while (answer.statusCode() != status && System.nanoTime() < deadline) {
            sleep(200);
            answer = health(check);
        }
        assertEquals(status, answer.statusCode(), check + ": " + answer.body());
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(8)
    void aClickFromAnOutdatedPageIsAnsweredWithTheBoardAsItIsNow() throws InterruptedException {
        Match match = match();
        WebClient host = match.host();
        host.get("/game.xhtml?id=" + match.gameId());
        Map<String, String> click = moveForm(host, match.gameId(), "MiddleMiddle");
        String button = click.keySet().stream()
                .filter(name -> name.endsWith(":square"))
                .findFirst()
                .orElseThrow();
        click.putAll(form(
                "jakarta.faces.source",
                "",
                "jakarta.faces.partial.execute",
                button,
                "jakarta.faces.partial.render",
                "game messages",
                "jakarta.faces.partial.ajax",
                "true"));
        Matcher marker = REFRESH_MARKER.matcher(host.lastPage());
        assertTrue(marker.find(), "the page names its refresh action");
        Map<String, String> refresh = form(
                "game",
                "game",
                "gameId",
                match.gameId(),
                marker.group(1),
                "1",
                "jakarta.faces.source",
                "live-version",
                "jakarta.faces.partial.execute",
                "live-version " + marker.group(1),
                "jakarta.faces.partial.render",
                marker.group(2),
                "jakarta.faces.partial.ajax",
                "true",
                "jakarta.faces.ViewState",
                host.viewState(),
                "tictactoe-token",
                host.formToken());

        // Meanwhile the host's move is made elsewhere: the original Python app on the same table.
        Map<String, AttributeValue> item = stored.get(match.gameId());
        stored.update(
                match.gameId(),
                update -> update.updateExpression("SET TopLeft = :o, Turn = :next")
                        .conditionExpression("Turn = :host AND attribute_not_exists(TopLeft)")
                        .expressionAttributeValues(Map.of(
                                ":o",
                                AttributeValue.fromS("O"),
                                ":next",
                                item.get("OpponentId"),
                                ":host",
                                item.get("HostId"))));
        Thread.sleep(2_100); // past the two seconds for which the server shows a game as it knew it
        // A push re-renders the host's board on the server; the click leaves the browser before the new board arrives.
        HttpResponse<String> refreshed = host.ajax("/game.xhtml", refresh);
        assertEquals(200, refreshed.statusCode());
        assertTrue(
                refreshed.body().contains("aria-label=\"Top left, O\""),
                "the page was re-rendered: " + refreshed.body());
        List<Map<String, AttributeValue>> before = stored.all();

        HttpResponse<String> answer = host.ajax("/game.xhtml", click);
        assertEquals(200, answer.statusCode());
        assertTrue(
                answer.body().contains("It is not your turn."), "the click is answered, not dropped: " + answer.body());
        assertTrue(answer.body().contains("aria-label=\"Top left, O\""), "with the board as it is now");
        assertEquals(before, stored.all(), "nothing was written");
    }

    @Test
    @Order(9)
    void failedRequestsShowTheReferenceTheyAreLoggedWith() {
        WebClient visitor = new WebClient(base);
        HttpResponse<String> api = visitor.get("/api/me/changes");
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{8}"));

        visitor.signUp(Names.unique("heidi"), PASSWORD);
        visitor.get("/");
        HttpResponse<String> broken = visitor.post(
                "/elsewhere.xhtml",
                form("game", "game", "gameId", UUID.randomUUID().toString(), "jakarta.faces.ViewState", "stateless"));
        assertTrue(broken.statusCode() >= 400, "status " + broken.statusCode());
        assertShowsItsReference(broken);
        assertFalse(broken.body().contains("Exception"));
    }

    /**
     * A game played to its end through the pages shows in both players' records, lobby and player
     * page, and on the leaderboard. A player page's cursor works on that page only: a forged or
     * cut one, or one of another player's page, is a 400 with the player's text; an unknown player
     * is a 404; never a stack trace.
     */
    @Test
    @Order(11)
    void recordsShowAndPlayerPagesRefuseForgedCursors() {
        Match match = match();
        String host = match.host()
                .get("/")
                .body()
                .replaceAll("(?s)^.*?<span class=\"who\">[^<]*<strong>([^<]+)</strong>.*$", "$1");
        for (String[] move : new String[][] {
            {"h", "TopLeft"}, {"g", "MiddleLeft"}, {"h", "TopMiddle"}, {"g", "MiddleMiddle"}, {"h", "TopRight"}
        }) {
            WebClient player = move[0].equals("h") ? match.host() : match.guest();
            player.get("/game.xhtml?id=" + match.gameId());
            player.post("/game.xhtml", moveForm(player, match.gameId(), move[1]));
        }
        assertTrue(stored.get(match.gameId()).get("StatusDate").s().startsWith("FINISHED_"));
        String lobby = match.host().get("/").body();
        assertTrue(lobby.contains("1 win</span>") && lobby.contains("0 losses</span>"), lobby);
        HttpResponse<String> page = match.guest().get("/player.xhtml?name=" + host);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("replay.xhtml?game=" + match.gameId()), "the game with its replay");
        assertTrue(match.guest().get("/leaders.xhtml").body().contains(">" + host + "</a>"));

        // Eleven more finished games, written as stored: the host's page then has a second page.
        for (int i = 0; i < 11; i++) {
            stored.put(Map.of(
                    "GameId", AttributeValue.fromS(UUID.randomUUID().toString()),
                    "HostId", AttributeValue.fromS(host),
                    "OpponentId", AttributeValue.fromS("someone"),
                    "OUser", AttributeValue.fromS(host),
                    "Turn", AttributeValue.fromS("N/A"),
                    "StatusDate", AttributeValue.fromS("FINISHED_2026-01-01 00:00:0" + (i % 10) + ".00000" + i / 10),
                    "Result", AttributeValue.fromS("Tie")));
        }
        Matcher next = Pattern.compile("id=\"next-page\"[^>]*href=\"[^\"]*page=([A-Za-z0-9_-]+)\"")
                .matcher(match.guest().get("/player.xhtml?name=" + host).body());
        assertTrue(next.find(), "a link to the older games");
        assertEquals(
                200,
                match.guest()
                        .get("/player.xhtml?name=" + host + "&page=" + next.group(1))
                        .statusCode());

        String guest = match.guest()
                .get("/")
                .body()
                .replaceAll("(?s)^.*?<span class=\"who\">[^<]*<strong>([^<]+)</strong>.*$", "$1");
        String cursor = next.group(1);
        for (String wrong : List.of(
                "/player.xhtml?name=" + guest + "&page=" + cursor,
                "/player.xhtml?name=" + host + "&page=" + cursor.substring(0, cursor.length() - 2),
                "/player.xhtml?name=" + host + "&page=%3Cscript%3E",
                "/player.xhtml?name=" + host + "&page=" + "A".repeat(3000))) {
            HttpResponse<String> refused = match.guest().get(wrong);
            assertEquals(400, refused.statusCode(), wrong);
            assertTrue(refused.body().contains("That request was refused"), wrong);
            assertFalse(refused.body().contains("Exception"), wrong);
        }
        for (String nobody : List.of(Names.unique("nobody"), "%3Cscript%3E", "x".repeat(3000), "")) {
            HttpResponse<String> missing = match.guest().get("/player.xhtml?name=" + nobody);
            assertEquals(404, missing.statusCode(), nobody);
            assertFalse(missing.body().contains("Exception"), nobody);
        }
    }

    @Test
    @Order(10)
    void metricsCountWhatPlayersDid() {
        String name = Names.unique("ivan");
        new WebClient(base).signUp(name, PASSWORD);
        ServerMetrics before = ServerMetrics.scrape();

        Match match = match(); // one game created and started
        WebClient host = match.host();
        host.get("/game.xhtml?id=" + match.gameId());
        host.post("/game.xhtml", moveForm(host, match.gameId(), "TopLeft"));
        host.get("/game.xhtml?id=" + match.gameId());
        HttpResponse<String> again = host.post("/game.xhtml", moveForm(host, match.gameId(), "MiddleMiddle"));
        assertTrue(again.body().contains("It is not your turn."), "a refused move");
        host.post("/game.xhtml", moveForm(host, match.gameId(), "Nowhere"));
        assertEquals(302, new WebClient(base).signIn(name, PASSWORD).statusCode());
        new WebClient(base).signIn(name, "not-the-password");

        ServerMetrics after = ServerMetrics.scrape();
        assertEquals(1, after.since(before, "tictactoe_games_created_total"));
        assertEquals(1, after.since(before, "tictactoe_games_started_total"));
        assertEquals(1, after.since(before, "tictactoe_moves_total"));
        assertEquals(0, after.since(before, "tictactoe_games_finished_total"));
        assertEquals(1, after.since(before, "tictactoe_moves_refused_total", "reason", "not_your_turn"));
        assertEquals(1, after.since(before, "tictactoe_moves_refused_total", "reason", "invalid_square"));
        assertEquals(2, after.since(before, "tictactoe_moves_refused_total"));
        assertEquals(1, after.since(before, "tictactoe_signins_total", "outcome", "succeeded"));
        assertEquals(1, after.since(before, "tictactoe_signins_total", "outcome", "refused"));
        // The game's own writes: the invitation, its acceptance and the move (sign-ups write too).
        assertTrue(after.since(before, "tictactoe_dynamodb_calls_total", "operation", "PutItem") >= 1);
        assertTrue(after.since(before, "tictactoe_dynamodb_calls_total", "operation", "UpdateItem") >= 2);
        assertEquals(
                after.since(before, "tictactoe_dynamodb_calls_total", "operation", "UpdateItem"),
                after.since(before, "tictactoe_dynamodb_call_microseconds_count", "operation", "UpdateItem"),
                "every call is timed");
        assertTrue(after.value("tictactoe_dynamodb_call_microseconds_sum", "operation", "UpdateItem") > 0);
        assertTrue(after.has("tictactoe_live_pages"));
    }

    private static final Pattern REFRESH_MARKER =
            Pattern.compile("<span id=\"live-version\"[^>]*data-refresh=\"([^\"]+)\" data-render=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("reference <code>([0-9a-f]{8})</code>");

    /** An invitation from {@code host} to {@code guestName}: a pending game with an opponent. */
    /** A post of the challenge page's form, as its button sends it, with {@code token} (none if null). */
    private static Map<String, String> challengeForm(String gameId, String button, String token) {
        Map<String, String> form =
                form("challenge", "challenge", "game", gameId, button, gameId, "jakarta.faces.ViewState", "stateless");
        if (token != null) {
            form.put("tictactoe-token", token);
        }
        return form;
    }

    /**
     * A challenge link: a visitor sees it and gets no cookie at all; wrong links are a 404; the host,
     * a visitor without a session, a forged post and another player's cancel are each refused with
     * the reason, nothing written; the first to accept plays, a double submit lands on the same game,
     * a second player is told it was taken; an expired link is a 410 and its accept is refused.
     */
    @Test
    @Order(11)
    void aChallengeLinkRefusesWhatItMustAndKeepsNothingForAVisitor() {
        WebClient host = new WebClient(base);
        String hostName = Names.unique("host");
        host.signUp(hostName, PASSWORD);
        String id = host.createChallenge();
        Map<String, AttributeValue> open = stored.get(id);
        assertTrue(host.get("/").body().contains("Challenge link, open to anyone"), "listed among those sent");
        assertFalse(open.containsKey("OpponentId"), open.toString());

        WebClient visitor = new WebClient(base);
        HttpResponse<String> seen = visitor.get("/challenge.xhtml?game=" + id);
        assertEquals(200, seen.statusCode());
        assertTrue(seen.body().contains(hostName + " challenges you to a game"), seen.body());
        assertTrue(seen.body().contains("Sent just now."));
        assertTrue(seen.body().contains("/signup.xhtml?to=%2Fchallenge.xhtml%3Fgame%3D" + id));
        assertTrue(seen.body().contains("/signin.xhtml?to=%2Fchallenge.xhtml%3Fgame%3D" + id));
        assertFalse(seen.body().contains("tictactoe-token"), "no form of a player's");
        assertEquals(List.of(), seen.headers().allValues("Set-Cookie"), "nothing kept for a visitor");
        HttpResponse<String> signUp = visitor.get("/signup.xhtml?to=%2Fchallenge.xhtml%3Fgame%3D" + id);
        assertTrue(signUp.body().contains("name=\"to\" value=\"/challenge.xhtml?game=" + id + "\""), "comes back");

        for (String bad :
                new String[] {UUID.randomUUID().toString(), "nonsense", "%3Cscript%3E", "x".repeat(3000), ""}) {
            HttpResponse<String> missing = visitor.get("/challenge.xhtml?game=" + bad);
            assertEquals(404, missing.statusCode(), bad);
            assertTrue(
                    missing.body().contains("There is no such challenge: the link is wrong, or its host cancelled it."),
                    bad);
            assertFalse(missing.body().contains("Exception"));
        }
        assertEquals(404, visitor.get("/challenge.xhtml").statusCode());

        HttpResponse<String> signedOut = visitor.post("/challenge.xhtml", challengeForm(id, "challenge:accept", null));
        assertEquals(302, signedOut.statusCode());
        assertTrue(
                signedOut
                        .headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .endsWith("/challenge.xhtml?expired=true&game=" + id),
                "back to the challenge, to sign in from there");
        assertEquals(open, stored.get(id), "a visitor's accept writes nothing");

        host.get("/challenge.xhtml?game=" + id);
        assertTrue(host.lastPage().contains("Your challenge") && host.lastPage().contains("id=\"copy\""));
        assertFalse(host.lastPage().contains("id=\"accept\""), "no Accept for the host");
        HttpResponse<String> own =
                host.post("/challenge.xhtml", challengeForm(id, "challenge:accept", host.formToken()));
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("This is your own challenge"), own.body());
        assertEquals(open, stored.get(id));

        WebClient mallory = new WebClient(base);
        String malloryName = Names.unique("mallory");
        mallory.signUp(malloryName, PASSWORD);
        String invitation = host.invite(malloryName);
        assertEquals(
                404, visitor.get("/challenge.xhtml?game=" + invitation).statusCode(), "an invitation, no challenge");
        assertTrue(mallory.get("/challenge.xhtml?game=" + id).body().contains("id=\"accept\""));
        String token = mallory.formToken();
        HttpResponse<String> cancel = mallory.post("/challenge.xhtml", challengeForm(id, "challenge:cancel", token));
        assertTrue(cancel.body().contains("Only the player who sent this invitation can cancel it."));
        HttpResponse<String> forged = mallory.post("/challenge.xhtml", challengeForm(id, "challenge:accept", "forged"));
        assertEquals(302, forged.statusCode(), "another site's post: the page again");
        assertEquals(open, stored.get(id), "refused posts write nothing");

        HttpResponse<String> accepted = mallory.post("/challenge.xhtml", challengeForm(id, "challenge:accept", token));
        assertEquals(302, accepted.statusCode());
        assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("/game.xhtml?id=" + id));
        Map<String, AttributeValue> started = stored.get(id);
        assertEquals(malloryName, started.get("OpponentId").s());
        assertEquals(
                302,
                mallory.get("/challenge.xhtml?game=" + id).statusCode(),
                "the link takes a player of its game to the game");
        HttpResponse<String> again = mallory.post("/challenge.xhtml", challengeForm(id, "challenge:accept", token));
        assertTrue(
                again.headers().firstValue("Location").orElseThrow().endsWith("/game.xhtml?id=" + id),
                "a double submit");
        WebClient carol = new WebClient(base);
        carol.signUp(Names.unique("carol"), PASSWORD);
        carol.get("/");
        HttpResponse<String> late =
                carol.post("/challenge.xhtml", challengeForm(id, "challenge:accept", carol.formToken()));
        assertTrue(late.body().contains("Someone else accepted this challenge first."), late.body());
        assertEquals(started, stored.get(id), "the winner's game, as it was");
        HttpResponse<String> taken = visitor.get("/challenge.xhtml?game=" + id);
        assertTrue(taken.body().contains(malloryName + " accepted this challenge"));
        assertEquals(List.of(), taken.headers().allValues("Set-Cookie"));

        String expired = UUID.randomUUID().toString();
        String eightDaysAgo = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now().minus(Duration.ofDays(8)));
        stored.update(
                expired,
                update -> update.updateExpression("SET HostId = :h, OUser = :h, Turn = :h, StatusDate = :d")
                        .expressionAttributeValues(Map.of(
                                ":h", AttributeValue.fromS(hostName),
                                ":d", AttributeValue.fromS("PENDING_" + eightDaysAgo))));
        Map<String, AttributeValue> old = stored.get(expired);
        HttpResponse<String> gone = visitor.get("/challenge.xhtml?game=" + expired);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("This challenge link expired on"), gone.body());
        carol.get("/challenge.xhtml?game=" + expired);
        HttpResponse<String> tooLate =
                carol.post("/challenge.xhtml", challengeForm(expired, "challenge:accept", carol.formToken()));
        assertTrue(tooLate.body().contains("This challenge link has expired."), tooLate.body());
        assertEquals(old, stored.get(expired), "nothing written");
    }

    private static void assertShowsItsReference(HttpResponse<String> response) {
        Matcher shown = REFERENCE.matcher(response.body());
        assertTrue(shown.find(), "the page shows a reference: " + response.body());
        assertEquals(
                shown.group(1),
                response.headers().firstValue("X-Request-Id").orElse(null),
                "the page shows the reference of its own request");
    }
}
