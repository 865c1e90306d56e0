package com.tictactoe.web;

import static com.tictactoe.testsupport.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.StatusDate;
import com.tictactoe.infrastructure.DynamoDbClients;
import com.tictactoe.infrastructure.DynamoDbSettings;
import com.tictactoe.infrastructure.StatusDates;
import com.tictactoe.testsupport.BoundWebClient;
import com.tictactoe.testsupport.BoundWebClient.Response;
import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.Html;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.WebClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The limits a player or a client meets, on one server (one deployment for both kinds).
 *
 * <p>The limits on open invitations and the lobby's invitation count over real HTTP, through the
 * forms a browser submits; an Accept submitted twice; and the lobby's lists as rendered. Only four accounts are signed up: open
 * invitations from or to players that need no sign-in are written to the table directly, as the
 * original app (which had no limits) could have left them.
 *
 * <p>Sign-in and sign-up limits and the password policy, over real HTTP. Clients at different
 * addresses are sockets bound to 127.0.0.2, 127.0.0.3, ...: the server sees them as different
 * clients. 127.0.0.1, where the other integration tests come from, is listed in
 * {@code tictactoe.limits.unlimited-addresses} for the test run (see the POM).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LimitsIT {

    private static final Pattern GAME_LOCATION = Pattern.compile("/game\\.xhtml\\?id=([0-9a-f-]{36})$");
    private static final Pattern INVITATION_COUNT = Pattern.compile(
            "id=\"invitations-title\">Invitations <span id=\"invitation-count\" class=\"count\">([^<]*)</span>");
    private static final String ACCEPT = "lists:accept";
    private static final Pattern ACCEPT_BUTTON = Pattern.compile("name=\"" + ACCEPT + "\" value=\"([^\"]+)\"");
    private static final String NOT_OPEN = text(Rejection.NOT_PENDING);
    private static final String OLDER_WAITING = "Older invitations are waiting too";
    private static final String PASSWORD = "s3cret-enough";
    private static final String SPRAYED = "Autumn-leaves-7";
    private static final Pattern TRY_AGAIN_IN = Pattern.compile("Please try again in \\d+ (minutes?|seconds?)\\.");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect() {
        dynamo = DynamoDbClients.create(new DynamoDbSettings(
                Optional.of(URI.create(DynamoDbLocalSession.endpoint())), Optional.empty(), "Games", "Users", false));
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    /** A signed-in player of this test. */
    private record Player(String name, WebClient client) {}

    private Player signedUp(String prefix) {
        String name = Names.unique(prefix);
        WebClient client = new WebClient(base);
        HttpResponse<String> answer = client.signUp(name, "pw-" + UUID.randomUUID());
        assertEquals(302, answer.statusCode(), "signed up " + name);
        return new Player(name, client);
    }

    /** Types the name into the lobby's New game form and clicks Invite. */
    private static HttpResponse<String> invite(Player host, String opponent) {
        return host.client().sendInvitation(opponent);
    }

    /** An invitation that must be accepted: the id of the game the answer leads to. */
    private static String invited(Player host, String opponent) {
        HttpResponse<String> answer = invite(host, opponent);
        assertEquals(302, answer.statusCode(), host.name() + " invites " + opponent + ": " + messages(answer.body()));
        Matcher game =
                GAME_LOCATION.matcher(answer.headers().firstValue("Location").orElse(""));
        assertTrue(game.find(), answer.headers().toString());
        return game.group(1);
    }

    /** An invitation written straight into the table, as the original writes them (no ExpiresAt): its id. */
    private static String rawInvitation(String host, String opponent, Instant when) {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName("Games")
                .item(Map.of(
                        "GameId",
                        AttributeValue.fromS(id),
                        "HostId",
                        AttributeValue.fromS(host),
                        "OpponentId",
                        AttributeValue.fromS(opponent),
                        "OUser",
                        AttributeValue.fromS(host),
                        "Turn",
                        AttributeValue.fromS(host),
                        "StatusDate",
                        AttributeValue.fromS(StatusDates.format(new StatusDate(GameStatus.PENDING, when))))));
        return id;
    }

    private static List<Map<String, AttributeValue>> gamesBetween(String host, String opponent) {
        return dynamo.scan(scan -> scan.tableName("Games").consistentRead(true)).items().stream()
                .filter(item -> item.get("HostId").s().equals(host)
                        && item.get("OpponentId").s().equals(opponent))
                .toList();
    }

    private static String statusOf(String gameId) {
        return dynamo.getItem(get ->
                        get.tableName("Games").consistentRead(true).key(Map.of("GameId", AttributeValue.fromS(gameId))))
                .item()
                .get("StatusDate")
                .s();
    }

    private static String invitationCount(String lobby) {
        Matcher count = INVITATION_COUNT.matcher(lobby);
        assertTrue(count.find(), "the Invitations heading with its count");
        return count.group(1);
    }

    private static List<String> acceptButtons(String lobby) {
        List<String> buttons = new ArrayList<>();
        Matcher button = ACCEPT_BUTTON.matcher(lobby);
        while (button.find()) {
            buttons.add(button.group(1));
        }
        return buttons;
    }

    /** The name of the Accept buttons, once the lobby shows one for {@code gameId}. */
    private static String acceptButtonFor(String lobby, String gameId) {
        assertTrue(Html.hasButton(lobby, ACCEPT, gameId), "no Accept button for " + gameId);
        return ACCEPT;
    }

    private static String messages(String page) {
        Matcher region = Pattern.compile("<ul class=\"messages\">.*?</ul>", Pattern.DOTALL)
                .matcher(page);
        return region.find() ? region.group() : "(no messages)";
    }

    /** How the lobby writes a date older than a day (Dates.DAY_AND_TIME). */
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Pattern ROW = Pattern.compile("<li class=\"(game-row[^\"]*)\">(.*?)</li>", Pattern.DOTALL);

    /** One row of a lobby list: its classes, and its text as shown (tags dropped, spaces collapsed). */
    private record Row(String classes, String text) {}

    /** The rows of the lobby's section headed by {@code titleId}, top to bottom. */
    private static List<Row> rows(String lobby, String titleId) {
        int start = lobby.indexOf("id=\"" + titleId + "\"");
        assertTrue(start >= 0, "no section " + titleId);
        // A template's rows are not on the page: browsers keep them inert, for the script to use.
        String section = lobby.substring(start, lobby.indexOf("</section>", start))
                .replaceAll("(?s)<template\\b.*?</template>", "");
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            String text = Html.unescape(row.group(2).replaceAll("<[^>]*>", " "))
                    .replaceAll("\\s+", " ")
                    .trim();
            rows.add(new Row(row.group(1).trim(), text));
        }
        return rows;
    }

    /** A finished game written straight into the table, finished at {@code when}; {@code winner} null for a draw. */
    private static void rawFinished(String host, String opponent, String winner, Instant when) {
        dynamo.putItem(put -> put.tableName("Games")
                .item(Map.of(
                        "GameId",
                        AttributeValue.fromS(UUID.randomUUID().toString()),
                        "HostId",
                        AttributeValue.fromS(host),
                        "OpponentId",
                        AttributeValue.fromS(opponent),
                        "OUser",
                        AttributeValue.fromS(host),
                        "Turn",
                        AttributeValue.fromS("N/A"),
                        "Result",
                        AttributeValue.fromS(winner == null ? "Tie" : winner),
                        "StatusDate",
                        AttributeValue.fromS(StatusDates.format(new StatusDate(GameStatus.FINISHED, when))))));
    }

    /**
     * The lobby as each player sees it: a game in progress names the opponent ("vs name") and
     * whose turn it is for this player, marked as theirs (the row's and the turn's classes, a Play
     * button, the heading's badge) or not (Open), and the marks change sides with the move; every
     * row that shows a time (invitations, results: the in-progress rows show none) says how long
     * ago in words, newest first. The finished games are written to the table before the player's
     * lobby is first read, at ages the lobby words differently.
     */
    @Test
    void theLobbyShowsEachPlayerTheOpponentWhoseTurnAndHowLongAgo() {
        Player lena = signedUp("lena");
        Player mo = signedUp("mo");
        Instant now = Instant.now();
        String[] rivals = {
            Names.unique("r"),
            Names.unique("r"),
            Names.unique("r"),
            Names.unique("r"),
            Names.unique("r"),
            Names.unique("r")
        };
        Instant twoDaysAgo = now.minus(2, ChronoUnit.DAYS);
        rawFinished(lena.name(), rivals[0], lena.name(), now.minusSeconds(20));
        rawFinished(rivals[1], lena.name(), rivals[1], now.minusSeconds(90));
        rawFinished(lena.name(), rivals[2], null, now.minusSeconds(5 * 60 + 30));
        rawFinished(rivals[3], lena.name(), lena.name(), now.minus(90, ChronoUnit.MINUTES));
        rawFinished(lena.name(), rivals[4], rivals[4], now.minus(210, ChronoUnit.MINUTES));
        rawFinished(rivals[5], lena.name(), null, twoDaysAgo);

        String game = invited(lena, mo.name());
        String moLobby = mo.client().get("/").body();
        assertEquals(
                List.of(new Row("game-row", lena.name() + " invites you just now Accept Decline")),
                rows(moLobby, "invitations-title"));
        assertEquals(List.of(), rows(moLobby, "playing-title"));
        assertTrue(moLobby.contains("No games in progress."));
        HttpResponse<String> accepted = mo.client()
                .post(
                        "/index.xhtml",
                        form(
                                "lists",
                                "lists",
                                acceptButtonFor(moLobby, game),
                                game,
                                "jakarta.faces.ViewState",
                                mo.client().viewState(),
                                "tictactoe-token",
                                mo.client().formToken()));
        assertEquals(302, accepted.statusCode(), messages(accepted.body()));

        // The host moves first.
        String lenaLobby = lena.client().get("/").body();
        assertEquals(
                List.of(new Row("game-row your-turn", "vs " + mo.name() + " Your turn Play")),
                rows(lenaLobby, "playing-title"));
        assertTrue(lenaLobby.contains("<span class=\"turn turn-yours\">Your turn</span>"), "the turn marked as hers");
        assertTrue(lenaLobby.contains("<span class=\"badge\">1 your turn</span>"), "the heading counts it");
        assertTrue(lenaLobby.contains("data-your-turns=\"1\""), "and tells the page's script, for the title");
        moLobby = mo.client().get("/").body();
        assertEquals(
                List.of(new Row("game-row", "vs " + lena.name() + " Waiting for " + lena.name() + " Open")),
                rows(moLobby, "playing-title"));
        assertFalse(moLobby.contains("class=\"badge\""), "no game waits for him");
        assertTrue(moLobby.contains("data-your-turns=\"0\""));
        assertEquals(List.of(), rows(moLobby, "invitations-title"), "the invitation became the game");

        // Lena's recent results, newest first, each with its time in words and a link to its replay.
        assertEquals(
                List.of(
                        new Row("game-row", "vs " + rivals[0] + " just now Win Replay"),
                        new Row("game-row", "vs " + rivals[1] + " 1 minute ago Loss Replay"),
                        new Row("game-row", "vs " + rivals[2] + " 5 minutes ago Draw Replay"),
                        new Row("game-row", "vs " + rivals[3] + " 1 hour ago Win Replay"),
                        new Row("game-row", "vs " + rivals[4] + " 3 hours ago Loss Replay"),
                        new Row(
                                "game-row",
                                "vs " + rivals[5] + " " + DAY_AND_TIME.format(twoDaysAgo) + " Draw Replay")),
                rows(lenaLobby, "results-title"));

        // After her move the turn changes sides, in both lobbies.
        lena.client().get("/game.xhtml?id=" + game);
        assertEquals(
                200,
                lena.client()
                        .scriptMove(game, "MiddleMiddle", lena.client().moveToken())
                        .statusCode());
        lenaLobby = lena.client().get("/").body();
        assertEquals(
                List.of(new Row("game-row", "vs " + mo.name() + " Waiting for " + mo.name() + " Open")),
                rows(lenaLobby, "playing-title"));
        assertFalse(lenaLobby.contains("class=\"badge\""));
        moLobby = mo.client().get("/").body();
        assertEquals(
                List.of(new Row("game-row your-turn", "vs " + lena.name() + " Your turn Play")),
                rows(moLobby, "playing-title"));
        assertTrue(moLobby.contains("<span class=\"badge\">1 your turn</span>"));
    }

    @Test
    void aFloodFromOnePlayerHidesNoOtherInvitationAndStopsAtTheLimit() {
        Player carol = signedUp("carol");
        Player eve = signedUp("eve");
        Player dave = signedUp("dave");
        Player frank = signedUp("frank");

        String fromCarol = invited(carol, dave.name());
        String fromEve = invited(eve, dave.name());
        for (int i = 0; i < 11; i++) {
            assertEquals(fromEve, invited(eve, dave.name()), "inviting again leads to the open invitation");
        }
        assertEquals(1, gamesBetween(eve.name(), dave.name()).size(), "one open invitation from eve to dave");

        String lobby = dave.client().get("/").body();
        assertTrue(lobby.contains(carol.name() + "</strong> invites you"), "carol's earlier invitation is still shown");
        assertTrue(lobby.contains(eve.name() + "</strong> invites you"));
        assertEquals(2, acceptButtons(lobby).size());
        assertEquals("2", invitationCount(lobby));
        assertFalse(lobby.contains(OLDER_WAITING));
        acceptButtonFor(lobby, fromCarol);

        // Eve floods other players: ten open invitations are her limit.
        Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int i = 0; i < 9; i++) {
            rawInvitation(eve.name(), Names.unique("ghost"), earlier.plusSeconds(i));
        }
        HttpResponse<String> refused = invite(eve, frank.name());
        assertEquals(200, refused.statusCode(), "back to the lobby form");
        assertTrue(refused.body().contains(text(Rejection.TOO_MANY_SENT)), messages(refused.body()));
        assertTrue(gamesBetween(eve.name(), frank.name()).isEmpty(), "no game was made");
        String eveLobby = eve.client().get("/").body();
        assertTrue(eveLobby.contains("Sent <span class=\"count\">10</span>"), "all ten she sent are listed");
        assertFalse(eveLobby.contains("You have older open invitations"));

        // Carol, with one open invitation, still may invite frank.
        invited(carol, frank.name());
    }

    @Test
    void aPlayerWaitedForByTwentyIsInvitedNoMoreAndTheCountTellsTheTruth() {
        Player gina = signedUp("gina");
        Player hank = signedUp("hank");
        Player ivan = signedUp("ivan");
        Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
        String oldest = Names.unique("oldest");
        rawInvitation(oldest, gina.name(), earlier);
        for (int i = 1; i < 19; i++) {
            rawInvitation(Names.unique("fan"), gina.name(), earlier.plusSeconds(i));
        }
        invited(hank, gina.name());
        HttpResponse<String> refused = invite(ivan, gina.name());
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains(text(Rejection.TOO_MANY_RECEIVED)), messages(refused.body()));
        assertTrue(gamesBetween(ivan.name(), gina.name()).isEmpty(), "no game was made");

        String lobby = gina.client().get("/").body();
        assertEquals("20", invitationCount(lobby));
        assertEquals(20, acceptButtons(lobby).size(), "every open invitation is listed");
        assertTrue(lobby.contains(oldest + "</strong> invites you"), "the oldest one too");
        assertFalse(lobby.contains(OLDER_WAITING));

        // More than the limit, written by another app (the original) that this server does not hear
        // of: a refused invitation counts them, and the lobby shows the newest twenty and the truth
        // about the rest (otherwise it would within KnownLobbies' ten seconds).
        rawInvitation(Names.unique("older"), gina.name(), earlier.minusSeconds(2));
        rawInvitation(Names.unique("older"), gina.name(), earlier.minusSeconds(1));
        assertTrue(invite(ivan, gina.name()).body().contains(text(Rejection.TOO_MANY_RECEIVED)));
        lobby = gina.client().get("/").body();
        assertEquals("20+", invitationCount(lobby));
        assertEquals(20, acceptButtons(lobby).size());
        assertTrue(lobby.contains(OLDER_WAITING), "the list says older ones exist");
        assertTrue(lobby.contains(oldest + "</strong> invites you"), "the newest twenty still hold it");
    }

    /**
     * An invitation older than the lifetime (seven days), which time to live has not deleted yet,
     * is in neither player's lobby, is no answer to inviting again, and its accept is refused with
     * the reason and writes nothing.
     */
    @Test
    void anExpiredInvitationIsNotListedAndItsAcceptIsRefusedWithTheReason() {
        Player lea = signedUp("lea");
        Player max = signedUp("max");
        String expired = rawInvitation(max.name(), lea.name(), Instant.now().minus(8, ChronoUnit.DAYS));
        String open = invited(max, lea.name());
        String lobby = lea.client().get("/").body();
        assertEquals("1", invitationCount(lobby));
        assertEquals(List.of(open), acceptButtons(lobby));
        assertFalse(max.client().get("/").body().contains(expired), "not in the host's list either");

        HttpResponse<String> answer = lea.client()
                .post(
                        "/index.xhtml",
                        form(
                                "lists",
                                "lists",
                                ACCEPT,
                                expired,
                                "jakarta.faces.ViewState",
                                lea.client().viewState(),
                                "tictactoe-token",
                                lea.client().formToken()));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains(text(Rejection.INVITATION_EXPIRED)), messages(answer.body()));
        assertTrue(statusOf(expired).startsWith("PENDING_"), "nothing written");
    }

    @Test
    void anAcceptSubmittedTwiceAnswersWithTheGameBothTimes() {
        Player jo = signedUp("jo");
        Player kim = signedUp("kim");

        // In the lobby: the same form posted twice, the second after the first started the game.
        String first = invited(jo, kim.name());
        String lobby = kim.client().get("/").body();
        Map<String, String> click = form(
                "lists",
                "lists",
                acceptButtonFor(lobby, first),
                first,
                "jakarta.faces.ViewState",
                kim.client().viewState(),
                "tictactoe-token",
                kim.client().formToken());
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> answer = kim.client().post("/index.xhtml", click);
            assertEquals(302, answer.statusCode(), "attempt " + attempt + ": " + messages(answer.body()));
            assertTrue(
                    answer.headers().firstValue("Location").orElse("").endsWith("/game.xhtml?id=" + first),
                    "attempt " + attempt + " leads to the game");
        }
        assertTrue(statusOf(first).startsWith("IN_PROGRESS_"));

        // On the game page, open in two tabs: Accept in one, then in the other.
        String second = invited(jo, kim.name());
        List<Map<String, String>> tabs = new ArrayList<>();
        for (int tab = 0; tab < 2; tab++) {
            assertEquals(200, kim.client().get("/game.xhtml?id=" + second).statusCode());
            tabs.add(form(
                    "game",
                    "game",
                    "gameId",
                    second,
                    "game:accept",
                    "Accept",
                    "jakarta.faces.ViewState",
                    kim.client().viewState(),
                    "tictactoe-token",
                    kim.client().formToken()));
        }
        Set<String> statuses = new HashSet<>();
        for (Map<String, String> tab : tabs) {
            HttpResponse<String> answer = kim.client().post("/game.xhtml", tab);
            assertEquals(200, answer.statusCode());
            assertFalse(answer.body().contains(NOT_OPEN), messages(answer.body()));
            assertTrue(answer.body().contains("Waiting for " + jo.name()), "the game page: the host moves first");
            statuses.add(statusOf(second));
        }
        assertEquals(1, statuses.size(), "the second Accept wrote nothing");
        assertTrue(statuses.iterator().next().startsWith("IN_PROGRESS_"));

        // Play again, submitted twice from the page of a finished game: one new invitation, shown both times.
        String finished = UUID.randomUUID().toString();
        Map<String, AttributeValue> finishedItem = new HashMap<>();
        WebClient.form(
                        "GameId",
                        finished,
                        "HostId",
                        jo.name(),
                        "OpponentId",
                        kim.name(),
                        "OUser",
                        jo.name(),
                        "Turn",
                        "N/A",
                        "Result",
                        jo.name(),
                        "StatusDate",
                        StatusDates.format(new StatusDate(GameStatus.FINISHED, Instant.now())),
                        "TopLeft",
                        "O",
                        "TopMiddle",
                        "O",
                        "TopRight",
                        "O",
                        "MiddleLeft",
                        "X",
                        "MiddleMiddle",
                        "X")
                .forEach((name, value) -> finishedItem.put(name, AttributeValue.fromS(value)));
        dynamo.putItem(put -> put.tableName("Games").item(finishedItem));
        assertEquals(200, jo.client().get("/game.xhtml?id=" + finished).statusCode());
        Map<String, String> again = form(
                "game",
                "game",
                "gameId",
                finished,
                "game:again",
                "Play again",
                "jakarta.faces.ViewState",
                jo.client().viewState(),
                "tictactoe-token",
                jo.client().formToken());
        Set<String> locations = new HashSet<>();
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> answer = jo.client().post("/game.xhtml", again);
            assertEquals(302, answer.statusCode(), "attempt " + attempt + ": " + messages(answer.body()));
            locations.add(answer.headers().firstValue("Location").orElse(""));
        }
        assertEquals(1, locations.size(), "both lead to the same new game: " + locations);
        assertEquals(
                1,
                gamesBetween(jo.name(), kim.name()).stream()
                        .filter(item -> item.get("StatusDate").s().startsWith("PENDING_"))
                        .count(),
                "one open invitation");
    }

    /** What the page says for a refusal, in English. */
    private static String text(Rejection rejection) {
        return Texts.in(Locale.ENGLISH).get(rejection.key(), rejection.arguments());
    }

    // ---- sign-in and sign-up

    /**
     * A test that needs a few seconds of one window starts afresh if the window is about to end:
     * each takes seconds, so a window that ends within 20 s is waited out.
     */
    private static void notAtTheEndOfAWindow(long windowSeconds) throws InterruptedException {
        long intoWindow = System.currentTimeMillis() / 1000 % windowSeconds;
        if (intoWindow > windowSeconds - 20) {
            Thread.sleep((windowSeconds - intoWindow + 1) * 1000);
        }
    }

    private static boolean signedIn(Response response) {
        return response.status() == 302
                && !response.headers().getOrDefault("location", "").contains("signin");
    }

    @Test
    void oneClientSprayingOnePasswordOverManyAccountsIsStoppedWhileTheOwnersGetIn() throws Exception {
        notAtTheEndOfAWindow(15 * 60);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            accounts.add(Names.unique("spray" + i));
        }
        WebClient registrar = new WebClient(base);
        for (String owner : List.of(accounts.get(3), accounts.get(20), accounts.get(21))) {
            assertEquals(302, registrar.signUp(owner, PASSWORD).statusCode(), "signed up " + owner);
        }

        BoundWebClient sprayer = new BoundWebClient(base, "127.0.0.2");
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Response wrong = sprayer.signIn(accounts.get(i), SPRAYED);
            assertEquals(200, wrong.status());
            assertTrue(wrong.body().contains("Wrong username or password."), "account " + (i + 1));
        }
        for (int i = 20; i < 22; i++) {
            Response refused = sprayer.signIn(accounts.get(i), SPRAYED);
            assertEquals(200, refused.status());
            assertTrue(refused.body().contains("Too many failed sign-ins from your address."), "account " + (i + 1));
            assertTrue(TRY_AGAIN_IN.matcher(refused.body()).find(), "says how long to wait");
        }
        Response rightButRefused = sprayer.signIn(accounts.get(21), PASSWORD);
        assertFalse(signedIn(rightButRefused), "from that address, not even the right password gets in now");
        assertTrue(rightButRefused.body().contains("Too many failed sign-ins from your address."));
        System.out.printf(
                "LimitsIT: 22 accounts sprayed from 127.0.0.2 in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        BoundWebClient owner = new BoundWebClient(base, "127.0.0.3");
        assertTrue(signedIn(owner.signIn(accounts.get(3), PASSWORD)), "the owner of a sprayed account, from elsewhere");
        assertEquals(200, owner.get("/").status(), "and sees the lobby");
        assertTrue(
                signedIn(new BoundWebClient(base, "127.0.0.3").signIn(accounts.get(20), PASSWORD)),
                "another owner, at an account the sprayer was refused at");
    }

    @Test
    void guessingAtOneAccountMakesOnlyTheGuesserWait() throws Exception {
        notAtTheEndOfAWindow(15 * 60);
        String name = Names.unique("judy");
        assertEquals(302, new WebClient(base).signUp(name, PASSWORD).statusCode());

        BoundWebClient guesser = new BoundWebClient(base, "127.0.0.4");
        for (int i = 0; i < 5; i++) {
            assertTrue(guesser.signIn(name, "wrong-password-" + i).body().contains("Wrong username or password."));
        }
        Response refused = guesser.signIn(name.toUpperCase(), PASSWORD);
        assertFalse(signedIn(refused), "the guesser's sixth try waits, even with the right password");
        assertTrue(refused.body().contains("Too many failed attempts for this account from your address."));
        assertTrue(TRY_AGAIN_IN.matcher(refused.body()).find());

        BoundWebClient judy = new BoundWebClient(base, "127.0.0.5");
        assertTrue(signedIn(judy.signIn(name, PASSWORD)), "the owner, from her own address, is not locked out");
        assertEquals(200, judy.get("/").status());
    }

    @Test
    void aSignUpFloodFromOneAddressIsRefused() throws Exception {
        notAtTheEndOfAWindow(60 * 60);
        BoundWebClient flood = new BoundWebClient(base, "127.0.0.6");
        for (int i = 0; i < 10; i++) {
            assertEquals(302, flood.signUp(Names.unique("flood" + i), PASSWORD).status(), "sign-up " + (i + 1));
        }
        String last = Names.unique("flood10");
        Response refused = flood.signUp(last, PASSWORD);
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Too many accounts have been created from your address."), refused.body());
        assertTrue(TRY_AGAIN_IN.matcher(refused.body()).find());
        assertTrue(
                new BoundWebClient(base, "127.0.0.7")
                        .signIn(last, PASSWORD)
                        .body()
                        .contains("Wrong username or password."),
                "the refused account was not created");

        assertEquals(
                302,
                new BoundWebClient(base, "127.0.0.7")
                        .signUp(Names.unique("other"), PASSWORD)
                        .status(),
                "another address signs up");
    }

    @Test
    void theAddressesTheTestsComeFromAreNotLimited() {
        WebClient local = new WebClient(base);
        for (int i = 0; i < 11; i++) {
            assertEquals(302, local.signUp(Names.unique("local" + i), PASSWORD).statusCode(), "sign-up " + (i + 1));
        }
    }

    @Test
    void passwordsThatAreNoPasswordsAreRefusedWithAReason() {
        WebClient visitor = new WebClient(base);
        String[][] cases = {
            {"        ", "A password cannot be only spaces. Please choose another."},
            {"password123", "That password is one of the most common ones, which attackers try first."},
            {"Iloveyou", "That password is one of the most common ones, which attackers try first."},
            {"  short  ", "A password has at least 8 characters, not counting spaces at either end."},
            {"", "Please choose a password."}
        };
        for (String[] refusal : cases) {
            String name = Names.unique("kim");
            HttpResponse<String> answer = visitor.signUp(name, refusal[0]);
            assertEquals(200, answer.statusCode(), "[" + refusal[0] + "]");
            assertTrue(answer.body().contains(refusal[1]), "[" + refusal[0] + "]: " + refusal[1]);
            assertFalse(answer.body().contains("The two passwords differ"));
            assertTrue(
                    visitor.signIn(name, refusal[0]).body().contains("Wrong username or password."),
                    "no account was made");
        }
    }
}
