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
import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.Html;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.WebClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
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
 * The limits on open invitations and the lobby's invitation count over real HTTP, through the
 * forms a browser submits; and an Accept submitted twice. Only four accounts are signed up: open
 * invitations from or to players that need no sign-in are written to the table directly, as the
 * original app (which had no limits) could have left them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvitationLimitsIT {

    private static final Pattern GAME_LOCATION = Pattern.compile("/game\\.xhtml\\?id=([0-9a-f-]{36})$");
    private static final Pattern INVITATION_COUNT =
            Pattern.compile("id=\"invitations-title\">Invitations <span class=\"count\">([^<]*)</span>");
    private static final String ACCEPT = "lists:accept";
    private static final Pattern ACCEPT_BUTTON = Pattern.compile("name=\"" + ACCEPT + "\" value=\"([^\"]+)\"");
    private static final String NOT_OPEN = text(Rejection.NOT_PENDING);
    private static final String OLDER_WAITING = "Older invitations are waiting too";

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
        assertEquals(200, host.client().get("/").statusCode());
        return host.client()
                .post(
                        "/index.xhtml",
                        form(
                                "invite",
                                "invite",
                                "invite:opponent",
                                opponent,
                                "invite:send",
                                "Invite",
                                "jakarta.faces.ViewState",
                                host.client().viewState(),
                                "tictactoe-token",
                                host.client().formToken()));
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

    /** An open invitation written straight into the table. */
    private static void rawInvitation(String host, String opponent, Instant when) {
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
                        AttributeValue.fromS(host),
                        "StatusDate",
                        AttributeValue.fromS(StatusDates.format(new StatusDate(GameStatus.PENDING, when))))));
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
                    kim.client().viewState()));
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
                jo.client().viewState());
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
}
