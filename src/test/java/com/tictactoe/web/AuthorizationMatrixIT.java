package com.tictactoe.web;

import static com.tictactoe.testsupport.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.Html;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.StoredGames;
import com.tictactoe.testsupport.WebClient;
import com.tictactoe.web.game.Cell;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The authorization matrix over real HTTP: every action for every role, one named test per cell.
 * Each cell starts from a game of its own in the status the action needs, acts the way a browser
 * would (the page first, for its ViewState, then the form), and compares the whole Games table
 * before and after: an allowed action changes exactly the expected item in the expected way, a
 * refused one leaves the table exactly as it was.
 *
 * <p>Roles: the host (who sent the invitation and plays O), the opponent (who was invited), another
 * signed-in player, and an anonymous visitor. Refusals are judged at the HTTP level only (status,
 * Location path, the page's text), not by how the server signs people in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    private static final String PASSWORD = "s3cret-enough";
    private static final String NOT_INVITED = "Only the invited player can accept or decline this invitation.";
    private static final String NOT_HOST = "Only the player who sent this invitation can cancel it.";
    private static final String NOT_YOUR_TURN = "It is not your turn.";
    private static final String NOT_A_PLAYER = "You are not a player in this game.";
    private static final String NOT_IN_PROGRESS = "This game is not in progress.";
    private static final String WATCHING = "You are watching";
    private static final String SENT_TO_SIGN_IN = "sent to sign in, nothing written";
    private static final String NO_BUTTON =
            "no button (a forged one is ignored); the square the page does offer reaches the rules and is refused,"
                    + " nothing written";
    private static final String REFUSED_IN_LOBBY = "forged postback refused with a message, nothing written";
    private static final String STARTS = "allowed, the game starts";
    private static final String DELETED = "allowed, the invitation is deleted";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    @RegisterExtension
    static final StoredGames stored = StoredGames.open();

    private Players players;

    enum Role {
        HOST("host"),
        OPPONENT("opponent"),
        OTHER("another signed-in player"),
        ANONYMOUS("anonymous");

        final String label;

        Role(String label) {
            this.label = label;
        }
    }

    /** The three accounts every cell uses; each cell gets a game of its own between host and opponent. */
    private record Players(
            WebClient host,
            String hostName,
            WebClient opponent,
            String opponentName,
            WebClient other,
            String otherName) {}

    private record Cell(Role role, String expected, Executable check) {}

    @TestFactory
    Stream<DynamicNode> everyActionForEveryRole() {
        return Stream.of(
                action(
                        "accept, on the game page",
                        onlyFor(Set.of(Role.OPPONENT), STARTS, NO_BUTTON),
                        this::acceptOnGamePage),
                action(
                        "accept, in the lobby",
                        onlyFor(Set.of(Role.OPPONENT), STARTS, REFUSED_IN_LOBBY),
                        this::acceptInLobby),
                action(
                        "accept by the lobby's script (POST /api/games/{id}/acceptance)",
                        role -> switch (role) {
                            case OPPONENT -> "200, the game's page; " + STARTS;
                            case HOST, OTHER -> "409 with the reason, nothing written";
                            case ANONYMOUS -> "401, nothing written";
                        },
                        this::scriptAccept),
                action(
                        "accept by the lobby's script without the session's token",
                        Stream.of(new Cell(
                                Role.OPPONENT,
                                "403 without a token, with a made-up one and with another session's; nothing written",
                                this::scriptAcceptWithoutToken))),
                action(
                        "decline, on the game page",
                        onlyFor(Set.of(Role.OPPONENT), DELETED, NO_BUTTON),
                        role -> leaveOnGamePage(role, true)),
                action(
                        "decline, in the lobby",
                        onlyFor(Set.of(Role.OPPONENT), DELETED, REFUSED_IN_LOBBY),
                        role -> leaveInLobby(role, true)),
                action(
                        "cancel, on the game page",
                        onlyFor(Set.of(Role.HOST), DELETED, NO_BUTTON),
                        role -> leaveOnGamePage(role, false)),
                action(
                        "cancel, in the lobby",
                        onlyFor(Set.of(Role.HOST), DELETED, REFUSED_IN_LOBBY),
                        role -> leaveInLobby(role, false)),
                action(
                        "move, on the mover's turn (host's turn for non-players)",
                        onlyFor(
                                Set.of(Role.HOST, Role.OPPONENT),
                                "allowed, one square and the turn change",
                                "watching: the square is refused by the rules (not a player), nothing written"),
                        this::move),
                action(
                        "move, on the other player's turn (from a page opened on one's own turn)",
                        Stream.of(Role.HOST, Role.OPPONENT)
                                .map(role -> new Cell(
                                        role, "refused with a message, nothing written", () -> moveOutOfTurn(role)))),
                action(
                        "move by the page's script (POST /api/games/{id}/moves/{square}), on the mover's turn",
                        role -> switch (role) {
                            case HOST, OPPONENT -> "200, the game after the move; one square and the turn change";
                            case OTHER -> "no token on a watcher's page; with the player's own, 409, nothing written";
                            case ANONYMOUS -> "401, nothing written";
                        },
                        this::scriptMove),
                action(
                        "move by the page's script without the session's token",
                        Stream.of(Role.HOST, Role.OPPONENT)
                                .map(role -> new Cell(
                                        role,
                                        "403 without a token, with a made-up one and with another session's; nothing written",
                                        () -> scriptMoveWithoutToken(role)))),
                action(
                        "move by the page's script, out of turn or on a forged square",
                        Stream.of(Role.HOST, Role.OPPONENT)
                                .map(role -> new Cell(
                                        role, "409 with the reason, nothing written", () -> scriptMoveRefused(role)))),
                action(
                        "play again, on a finished game",
                        onlyFor(
                                Set.of(Role.HOST, Role.OPPONENT),
                                "allowed, a new invitation to the same opponent",
                                NO_BUTTON),
                        this::playAgain),
                action("view a pending game", AuthorizationMatrixIT::viewing, role -> view(role, Status.PENDING)),
                action(
                        "view a game in progress",
                        AuthorizationMatrixIT::viewing,
                        role -> view(role, Status.IN_PROGRESS)),
                action("view a finished game", AuthorizationMatrixIT::viewing, role -> view(role, Status.FINISHED)),
                action(
                        "GET /api/games/{id}/version",
                        role -> role == Role.ANONYMOUS
                                ? "401"
                                : role == Role.OTHER ? "200, watching is allowed" : "200",
                        this::apiGameVersion),
                action("GET /api/me/changes", role -> role == Role.ANONYMOUS ? "401" : "200", this::apiMyChanges));
    }

    /**
     * The outcomes of an action only the {@code rightful} roles may take: for them {@code allowed},
     * for an anonymous visitor {@link #SENT_TO_SIGN_IN}, for any other signed-in player {@code refused}.
     */
    private static Function<Role, String> onlyFor(Set<Role> rightful, String allowed, String refused) {
        return role -> rightful.contains(role) ? allowed : role == Role.ANONYMOUS ? SENT_TO_SIGN_IN : refused;
    }

    /** A cell for every role: its expected outcome, and the check run for it. */
    private static DynamicNode action(String name, Function<Role, String> expected, Consumer<Role> check) {
        return action(
                name,
                Stream.of(Role.values()).map(role -> new Cell(role, expected.apply(role), () -> check.accept(role))));
    }

    private static DynamicNode action(String name, Stream<Cell> cells) {
        return dynamicContainer(
                name, cells.map(cell -> dynamicTest(cell.role().label + " -> " + cell.expected(), cell.check())));
    }

    private enum Status {
        PENDING,
        IN_PROGRESS,
        FINISHED
    }

    private static String viewing(Role role) {
        String expected = switch (role) {
            case HOST, OPPONENT -> "200, the player's page";
            case OTHER -> "200, watching without action buttons";
            case ANONYMOUS -> "sent to sign in";
        };
        return expected + ", nothing written";
    }

    // ----------------------------------------------------------------------------------------
    // The cells

    private void acceptOnGamePage(Role role) {
        Players p = players();
        String id = invite();
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            Map<String, String> copied = gameForm(p.opponent(), id, "game:accept", "Accept");
            anonymousPosts("/game.xhtml?id=" + id, "/game.xhtml", copied);
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        Map<String, String> accept = gameForm(actor, id, "game:accept", "Accept");
        assertEquals(
                role == Role.OPPONENT, Html.hasInput(actor.lastPage(), "game:accept"), "the Accept button is shown");
        HttpResponse<String> answer = actor.post("/game.xhtml", accept);
        assertEquals(200, answer.statusCode());
        if (role == Role.OPPONENT) {
            assertStarted(before, id);
            assertTrue(answer.body().contains("Waiting for " + p.hostName()), "the host moves first");
        } else {
            assertIgnored(answer, before);
            assertTrue(
                    answer.body()
                            .contains(role == Role.OTHER ? WATCHING : "Waiting for " + p.opponentName() + " to accept"),
                    gist(answer.body()));
            assertTheBoardIsRefusedByTheRules(role, id, before);
        }
    }

    private void acceptInLobby(Role role) {
        Players p = players();
        String id = invite();
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            p.opponent().get("/");
            String button = lobbyButton(p.opponent(), "accept", id);
            anonymousPosts(
                    "/",
                    "/index.xhtml",
                    form(
                            "lists",
                            "lists",
                            button,
                            id,
                            "jakarta.faces.ViewState",
                            p.opponent().viewState(),
                            "tictactoe-token",
                            p.opponent().formToken()));
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        assertEquals(200, actor.get("/").statusCode());
        String button = lobbyButton(actor, "accept", role == Role.OPPONENT ? id : null);
        HttpResponse<String> answer = actor.post(
                "/index.xhtml",
                form(
                        "lists",
                        "lists",
                        button,
                        id,
                        "jakarta.faces.ViewState",
                        actor.viewState(),
                        "tictactoe-token",
                        actor.formToken()));
        if (role == Role.OPPONENT) {
            assertEquals(302, answer.statusCode());
            assertTrue(location(answer).endsWith("/game.xhtml?id=" + id), location(answer));
            assertStarted(before, id);
        } else {
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains(NOT_INVITED), gist(answer.body()));
            assertEquals(before, games(), "nothing was written");
        }
    }

    private void leaveOnGamePage(Role role, boolean decline) {
        String id = invite();
        String button = decline ? "game:decline" : "game:cancel";
        String label = decline ? "Decline" : "Cancel invitation";
        Role rightful = decline ? Role.OPPONENT : Role.HOST;
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            anonymousPosts("/game.xhtml?id=" + id, "/game.xhtml", gameForm(client(rightful), id, button, label));
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        Map<String, String> leave = gameForm(actor, id, button, label);
        assertEquals(role == rightful, Html.hasInput(actor.lastPage(), button), "the " + label + " button is shown");
        HttpResponse<String> answer = actor.post("/game.xhtml", leave);
        if (role == rightful) {
            assertEquals(302, answer.statusCode());
            assertTrue(URI.create(location(answer)).getPath().endsWith("/index.xhtml"), location(answer));
            assertDeleted(before, id);
        } else {
            assertIgnored(answer, before);
            assertTrue(answer.body().contains(role == Role.OTHER ? WATCHING : "You play"), gist(answer.body()));
            assertTheBoardIsRefusedByTheRules(role, id, before);
        }
    }

    private void leaveInLobby(Role role, boolean decline) {
        String id = invite();
        String kind = decline ? "decline" : "cancel";
        Role rightful = decline ? Role.OPPONENT : Role.HOST;
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            WebClient owner = client(rightful);
            owner.get("/");
            String button = lobbyButton(owner, kind, id);
            anonymousPosts("/", "/index.xhtml", lobbyAjax(owner, button, id));
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        assertEquals(200, actor.get("/").statusCode());
        String button = lobbyButton(actor, kind, role == rightful ? id : null);
        HttpResponse<String> answer = actor.ajax("/index.xhtml", lobbyAjax(actor, button, id));
        assertEquals(200, answer.statusCode());
        if (role == rightful) {
            assertTrue(
                    answer.body().contains(decline ? "Invitation declined." : "Invitation cancelled."),
                    gist(answer.body()));
            assertDeleted(before, id);
        } else {
            assertTrue(answer.body().contains(decline ? NOT_INVITED : NOT_HOST), gist(answer.body()));
            assertEquals(before, games(), "nothing was written");
        }
    }

    private void move(Role role) {
        Players p = players();
        String id = started();
        String square = squareToPlayNow(role, id);
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            p.host().get("/game.xhtml?id=" + id);
            Map<String, String> copied = moveClick(p.host(), id, square);
            anonymousPosts("/game.xhtml?id=" + id, "/game.xhtml", copied);
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        assertEquals(200, actor.get("/game.xhtml?id=" + id).statusCode());
        boolean playable = !cellTag(actor.lastPage(), square).contains("disabled");
        assertEquals(role != Role.OTHER, playable, "the square can be clicked");
        HttpResponse<String> answer = actor.ajax("/game.xhtml", moveClick(actor, id, square));
        assertEquals(200, answer.statusCode());
        if (role == Role.OTHER) {
            // The board's buttons are the page's own (disabled for a watcher): the click reaches GameFacade.
            assertTrue(answer.body().contains(NOT_A_PLAYER), gist(answer.body()));
            assertTrue(answer.body().contains(WATCHING), gist(answer.body()));
            assertEquals(before, games(), "nothing was written");
            return;
        }
        assertMoved(before, id, role, square);
    }

    /** Only game {@code id} changed: {@code role}'s mark on {@code square}, and the turn passed. */
    private void assertMoved(Map<String, Map<String, AttributeValue>> before, String id, Role role, String square) {
        Players p = players();
        Map<String, AttributeValue> expected = new HashMap<>(before.get(id));
        expected.put(square, s(role == Role.HOST ? "O" : "X"));
        expected.put("Turn", s(role == Role.HOST ? p.opponentName() : p.hostName()));
        expected.putAll(turnTimesAndOrderOf(id, before.get(id)));
        assertOnly(before, id, expected);
    }

    /**
     * What a move or an accept writes besides the original's attributes, read back after checking it
     * is there: the turn's time (newer than before), the game's place in the stall index and, after a
     * move, the order of play; an invitation's time to live is gone.
     */
    private static Map<String, AttributeValue> turnTimesAndOrderOf(String id, Map<String, AttributeValue> before) {
        Map<String, AttributeValue> now = stored.get(id);
        Map<String, AttributeValue> written = new HashMap<>();
        for (String attribute : List.of("TurnSince", "StallShard", "StalledFrom", "Moves")) {
            if (now.containsKey(attribute)) {
                written.put(attribute, now.get(attribute));
            }
        }
        assertTrue(written.keySet().containsAll(List.of("TurnSince", "StallShard", "StalledFrom")), now.toString());
        if (before.containsKey("TurnSince")) {
            assertTrue(
                    now.get("TurnSince").s().compareTo(before.get("TurnSince").s()) > 0, "the turn's time moved on");
        }
        return written;
    }

    private void scriptAccept(Role role) {
        Players p = players();
        String id = invite();
        String path = "/api/games/" + id + "/acceptance";
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            p.opponent().get("/");
            HttpResponse<String> answer =
                    new WebClient(base).scriptPost(path, p.opponent().formToken());
            assertEquals(401, answer.statusCode(), answer.body());
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        assertEquals(200, actor.get("/").statusCode());
        HttpResponse<String> answer = actor.scriptPost(path, actor.formToken());
        if (role == Role.OPPONENT) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("/game.xhtml?id=" + id + "\""), answer.body());
            assertStarted(before, id);
            HttpResponse<String> again = actor.scriptPost(path, actor.formToken());
            assertEquals(200, again.statusCode(), "a second click finds the game started: " + again.body());
        } else {
            assertEquals(409, answer.statusCode(), answer.body());
            assertTrue(
                    answer.body().contains(NOT_INVITED) && answer.body().contains("\"reason\":\"NOT_INVITED\""),
                    answer.body());
            assertEquals(before, games(), "nothing was written");
        }
    }

    private void scriptAcceptWithoutToken() {
        Players p = players();
        String id = invite();
        p.opponent().get("/");
        p.host().get("/");
        Map<String, Map<String, AttributeValue>> before = games();
        for (String token : new String[] {null, "made-up", p.host().formToken()}) {
            HttpResponse<String> answer = p.opponent().scriptPost("/api/games/" + id + "/acceptance", token);
            assertEquals(403, answer.statusCode(), "token " + token + ": " + answer.body());
        }
        assertEquals(before, games(), "nothing was written");
    }

    private void scriptMove(Role role) {
        Players p = players();
        String id = started();
        String square = squareToPlayNow(role, id);
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            p.host().get("/game.xhtml?id=" + id);
            WebClient stranger = new WebClient(base);
            HttpResponse<String> answer =
                    stranger.scriptMove(id, square, p.host().moveToken());
            assertEquals(401, answer.statusCode(), answer.body());
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        assertEquals(200, actor.get("/game.xhtml?id=" + id).statusCode());
        if (role == Role.OTHER) {
            assertEquals(null, actor.moveToken(), "a watcher's page offers no moves");
            actor.get("/");
            HttpResponse<String> answer = actor.scriptMove(id, square, actor.formToken());
            assertEquals(409, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"reason\":\"NOT_A_PLAYER\""), answer.body());
            assertEquals(before, games(), "nothing was written");
            return;
        }
        HttpResponse<String> answer = actor.scriptMove(id, square, actor.moveToken());
        assertEquals(200, answer.statusCode(), answer.body());
        String mark = role == Role.HOST ? "O" : "X";
        assertTrue(
                answer.body().contains("\"" + square + "\":\"" + mark + "\"")
                        && answer.body().contains("\"next\":\"" + (role == Role.HOST ? "X" : "O") + "\""),
                answer.body());
        assertMoved(before, id, role, square);
    }

    private void scriptMoveWithoutToken(Role role) {
        Players p = players();
        String id = started();
        String square = squareToPlayNow(role, id);
        WebClient actor = client(role);
        actor.get("/game.xhtml?id=" + id);
        WebClient otherSession = role == Role.HOST ? p.opponent() : p.host();
        otherSession.get("/game.xhtml?id=" + id);
        Map<String, Map<String, AttributeValue>> before = games();
        for (String token : new String[] {null, "made-up", otherSession.moveToken()}) {
            HttpResponse<String> answer = actor.scriptMove(id, square, token);
            assertEquals(403, answer.statusCode(), "token " + token + ": " + answer.body());
            assertTrue(answer.body().contains("reload"), answer.body());
        }
        assertEquals(before, games(), "nothing was written");
    }

    private void scriptMoveRefused(Role role) {
        Players p = players();
        String id = started();
        WebClient actor = client(role);
        if (role == Role.OPPONENT) {
            play(p.host(), id, "TopLeft");
        }
        actor.get("/game.xhtml?id=" + id);
        String token = actor.moveToken();
        Map<String, Map<String, AttributeValue>> before = games();
        for (String forged : new String[] {"Centre", "TopLeft%3Cscript%3E", "x".repeat(300)}) {
            HttpResponse<String> answer = actor.scriptMove(id, forged, token);
            assertTrue(
                    answer.statusCode() == 409
                            || answer.statusCode() == 404
                            || answer.statusCode() == 414
                            || answer.statusCode() == 400,
                    forged.length() + " characters: " + answer.statusCode());
            assertFalse(answer.body().contains("<script>"), answer.body());
        }
        HttpResponse<String> forged = actor.scriptMove(id, "Centre", token);
        assertEquals(409, forged.statusCode());
        assertTrue(forged.body().contains("There is no such square."), forged.body());
        HttpResponse<String> foreign = actor.scriptMove(UUID.randomUUID().toString(), "BottomRight", token);
        assertEquals(409, foreign.statusCode());
        assertTrue(foreign.body().contains("\"reason\":\"NO_SUCH_GAME\""), foreign.body());
        assertEquals(before, games(), "nothing was written");
        String ownMove = role == Role.HOST ? "BottomLeft" : "MiddleMiddle";
        assertEquals(200, actor.scriptMove(id, ownMove, token).statusCode());
        before = games();
        HttpResponse<String> outOfTurn = actor.scriptMove(id, "BottomRight", token);
        assertEquals(409, outOfTurn.statusCode());
        assertTrue(
                outOfTurn.body().contains(NOT_YOUR_TURN) && outOfTurn.body().contains("\"reason\":\"NOT_YOUR_TURN\""),
                outOfTurn.body());
        assertEquals(before, games(), "nothing was written");
    }

    /**
     * A button the page did not render, posted anyway: Faces decodes only what the view rendered,
     * so nothing runs: the page again, without a message, and nothing written.
     */
    private static void assertIgnored(HttpResponse<String> answer, Map<String, Map<String, AttributeValue>> before) {
        assertEquals(200, answer.statusCode());
        assertFalse(
                answer.body().contains("msg-error"), "no action ran, so nothing was refused: " + gist(answer.body()));
        assertEquals(before, games(), "nothing was written");
    }

    /**
     * What the game page does render for {@code role} on game {@code id}, which is not being
     * played (pending or finished): the board, its squares disabled. A click on one, as the
     * square's own button posts it, and the same square sent to the move address with the
     * session's token (someone else's game for a watcher; the players' page of an invitation holds
     * the address, for the start its push shows) both reach GameFacade and are refused by
     * the game's rules, with the rule's message, and nothing is written: a watcher is not a player,
     * a player cannot move while the game is not in progress.
     */
    private void assertTheBoardIsRefusedByTheRules(
            Role role, String id, Map<String, Map<String, AttributeValue>> before) {
        WebClient actor = client(role);
        String message = role == Role.OTHER ? NOT_A_PLAYER : NOT_IN_PROGRESS;
        String reason = role == Role.OTHER ? "NOT_A_PLAYER" : "NOT_IN_PROGRESS";
        String square = "BottomRight"; // empty in every game these cells set up
        assertEquals(200, actor.get("/game.xhtml?id=" + id).statusCode());
        assertTrue(cellTag(actor.lastPage(), square).contains("disabled"), "the page offers no square to click");
        boolean waitingForGuest = before.get(id).get("StatusDate").s().startsWith("PENDING_");
        if (role != Role.OTHER && waitingForGuest) {
            // so that the page shows the start from the acceptance's push; a move before it is refused
            assertTrue(actor.moveToken() != null, "a player's page of an invitation holds the move address");
        } else {
            assertEquals(null, actor.moveToken(), "the page gives its script no move address");
        }

        HttpResponse<String> click = actor.ajax("/game.xhtml", moveClick(actor, id, square));
        assertEquals(200, click.statusCode());
        assertTrue(click.body().contains(message), "the board's square: " + gist(click.body()));
        assertEquals(before, games(), "nothing was written");

        actor.get("/");
        HttpResponse<String> script = actor.scriptMove(id, square, actor.formToken());
        assertEquals(409, script.statusCode(), script.body());
        assertTrue(
                script.body().contains(message) && script.body().contains("\"reason\":\"" + reason + "\""),
                script.body());
        assertEquals(before, games(), "nothing was written");
    }

    /**
     * The square {@code role} plays in the started game {@code id}: the host's first; for the
     * opponent, after the host's first move (made here), and for anyone else, the host's.
     */
    private String squareToPlayNow(Role role, String id) {
        if (role == Role.OPPONENT) {
            play(players().host(), id, "TopLeft");
            return "MiddleMiddle";
        }
        return "TopLeft";
    }

    /**
     * The page was opened on the player's turn; the player then moved from another tab, so the
     * first tab still offers the board: the server judges the move on the stored game.
     */
    private void moveOutOfTurn(Role role) {
        Players p = players();
        String id = started();
        WebClient actor = client(role);
        String ownMove = "TopLeft";
        if (role == Role.OPPONENT) {
            play(p.host(), id, "TopLeft");
            ownMove = "MiddleMiddle";
        }
        actor.get("/game.xhtml?id=" + id);
        Map<String, String> staleTab = moveClick(actor, id, "BottomRight");
        assertFalse(cellTag(actor.lastPage(), "BottomRight").contains("disabled"), "the first tab offers the square");
        play(actor, id, ownMove);
        Map<String, Map<String, AttributeValue>> before = games();
        assertEquals(
                role == Role.HOST ? p.opponentName() : p.hostName(),
                before.get(id).get("Turn").s());

        HttpResponse<String> answer = actor.ajax("/game.xhtml", staleTab);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains(NOT_YOUR_TURN), gist(answer.body()));
        assertEquals(before, games(), "nothing was written");
    }

    private void playAgain(Role role) {
        Players p = players();
        String id = finished();
        Map<String, Map<String, AttributeValue>> before = games();
        if (role == Role.ANONYMOUS) {
            anonymousPosts("/game.xhtml?id=" + id, "/game.xhtml", gameForm(p.host(), id, "game:again", "Play again"));
            assertEquals(before, games(), "nothing was written");
            return;
        }
        WebClient actor = client(role);
        Map<String, String> again = gameForm(actor, id, "game:again", "Play again");
        assertEquals(
                role != Role.OTHER, Html.hasInput(actor.lastPage(), "game:again"), "the Play again button is shown");
        HttpResponse<String> answer = actor.post("/game.xhtml", again);
        if (role == Role.OTHER) {
            assertIgnored(answer, before);
            assertTrue(answer.body().contains(WATCHING), gist(answer.body()));
            assertTheBoardIsRefusedByTheRules(role, id, before);
            return;
        }
        assertEquals(302, answer.statusCode());
        Map<String, Map<String, AttributeValue>> after = games();
        Set<String> added = new HashSet<>(after.keySet());
        added.removeAll(before.keySet());
        assertEquals(1, added.size(), "exactly one new game");
        String newId = added.iterator().next();
        assertTrue(location(answer).endsWith("/game.xhtml?id=" + newId), location(answer));
        Map<String, AttributeValue> created = new HashMap<>(after.get(newId));
        String statusDate = created.remove("StatusDate").s();
        assertTrue(statusDate.startsWith("PENDING_"), statusDate);
        assertTrue(created.remove("ExpiresAt").n().matches("\\d{10}"), "the invitation's time to live");
        String me = role == Role.HOST ? p.hostName() : p.opponentName();
        String them = role == Role.HOST ? p.opponentName() : p.hostName();
        assertEquals(
                Map.of("GameId", s(newId), "HostId", s(me), "OpponentId", s(them), "OUser", s(me), "Turn", s(me)),
                created,
                "a new invitation from the player to the same opponent, nothing else");
        after.remove(newId);
        assertEquals(before, after, "every other game is as it was, the finished one included");
    }

    private void view(Role role, Status status) {
        Players p = players();
        String id = switch (status) {
            case PENDING -> invite();
            case IN_PROGRESS -> started();
            case FINISHED -> finished();
        };
        Map<String, Map<String, AttributeValue>> before = games();
        WebClient actor = role == Role.ANONYMOUS ? new WebClient(base) : client(role);
        HttpResponse<String> page = actor.get("/game.xhtml?id=" + id);
        if (role == Role.ANONYMOUS) {
            assertSentToSignIn(page);
        } else {
            assertEquals(200, page.statusCode());
            String body = page.body();
            // What the page holds hidden for its script to show later (a game's actions, its result) is not offered
            // yet.
            String shown = body.replaceAll("(?s)<div[^>]*\\bhidden=\"hidden\"[^>]*>.*?</div>", "");
            Set<String> buttons = Stream.of("game:accept", "game:decline", "game:cancel", "game:again")
                    .filter(button -> Html.hasInput(shown, button))
                    .collect(Collectors.toSet());
            long enabledCells = Stream.of(
                            "TopLeft",
                            "TopMiddle",
                            "TopRight",
                            "MiddleLeft",
                            "MiddleMiddle",
                            "MiddleRight",
                            "BottomLeft",
                            "BottomMiddle",
                            "BottomRight")
                    .filter(sq -> status != Status.FINISHED)
                    .filter(sq -> !cellTag(body, sq).contains("disabled"))
                    .count();
            if (role == Role.OTHER) {
                assertTrue(body.contains(WATCHING), gist(body));
                assertEquals(Set.of(), buttons, "no action buttons");
                assertEquals(0, enabledCells, "no square can be clicked");
                assertTrue(body.contains(p.hostName() + " vs " + p.opponentName()));
            } else {
                assertTrue(body.contains("You play"), gist(body));
                assertFalse(body.contains(WATCHING));
                Set<String> expectedButtons = switch (status) {
                    case PENDING -> role == Role.HOST ? Set.of("game:cancel") : Set.of("game:accept", "game:decline");
                    case IN_PROGRESS -> Set.of();
                    case FINISHED -> Set.of("game:again");
                };
                assertEquals(expectedButtons, buttons);
                long expectedCells = status == Status.IN_PROGRESS && role == Role.HOST ? 9 : 0;
                assertEquals(expectedCells, enabledCells, "squares that can be clicked");
            }
        }
        assertEquals(before, games(), "viewing writes nothing");
    }

    private void apiGameVersion(Role role) {
        String id = started();
        Map<String, Map<String, AttributeValue>> before = games();
        WebClient actor = role == Role.ANONYMOUS ? new WebClient(base) : client(role);
        HttpResponse<String> answer = actor.get("/api/games/" + id + "/version");
        if (role == Role.ANONYMOUS) {
            assertEquals(401, answer.statusCode());
            assertFalse(answer.body().contains("IN_PROGRESS"), "no game data for a stranger");
        } else {
            assertEquals(200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(answer.body().contains("\"status\":\"IN_PROGRESS\""), answer.body());
            assertTrue(answer.body().contains("\"version\":10"), answer.body());
        }
        assertEquals(before, games(), "nothing was written");
    }

    private void apiMyChanges(Role role) {
        players();
        Map<String, Map<String, AttributeValue>> before = games();
        WebClient actor = role == Role.ANONYMOUS ? new WebClient(base) : client(role);
        HttpResponse<String> answer = actor.get("/api/me/changes");
        if (role == Role.ANONYMOUS) {
            assertEquals(401, answer.statusCode());
        } else {
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().matches("\\{\"changes\":\\d+}"), answer.body());
        }
        assertEquals(before, games(), "nothing was written");
    }

    // ----------------------------------------------------------------------------------------
    // Setting up games through the real forms

    private synchronized Players players() {
        if (players == null) {
            String hostName = Names.unique("host");
            String opponentName = Names.unique("opp");
            String otherName = Names.unique("other");
            WebClient host = signedUp(hostName);
            WebClient opponent = signedUp(opponentName);
            WebClient other = signedUp(otherName);
            players = new Players(host, hostName, opponent, opponentName, other, otherName);
            // Rows of their own in the lobby lists, so that each of them can forge a click there:
            // the host gets an invitation, the opponent a sent one, the other player both.
            invite(other, otherName, hostName);
            invite(opponent, opponentName, otherName);
        }
        return players;
    }

    private WebClient signedUp(String name) {
        WebClient client = new WebClient(base);
        assertEquals(302, client.signUp(name, PASSWORD).statusCode(), "signed up " + name);
        return client;
    }

    private WebClient client(Role role) {
        Players p = players();
        return switch (role) {
            case HOST -> p.host();
            case OPPONENT -> p.opponent();
            case OTHER -> p.other();
            case ANONYMOUS -> throw new IllegalArgumentException("an anonymous visitor has a client per request");
        };
    }

    /** A new invitation from the host to the opponent. */
    private String invite() {
        Players p = players();
        return invite(p.host(), p.hostName(), p.opponentName());
    }

    private static String invite(WebClient host, String hostName, String opponentName) {
        host.get("/");
        HttpResponse<String> invited = host.post(
                "/index.xhtml",
                form(
                        "invite",
                        "invite",
                        "invite:opponent",
                        opponentName,
                        "invite:send",
                        "Invite",
                        "jakarta.faces.ViewState",
                        host.viewState(),
                        "tictactoe-token",
                        host.formToken()));
        assertEquals(302, invited.statusCode(), hostName + " invites " + opponentName + ": " + gist(invited.body()));
        String location = location(invited);
        return location.substring(location.indexOf("id=") + 3);
    }

    /** A game in progress where it is the host's turn. */
    private String started() {
        Players p = players();
        String id = invite();
        HttpResponse<String> accepted =
                p.opponent().post("/game.xhtml", gameForm(p.opponent(), id, "game:accept", "Accept"));
        assertEquals(200, accepted.statusCode());
        assertTrue(stored.get(id).get("StatusDate").s().startsWith("IN_PROGRESS_"));
        return id;
    }

    /** A game the host won on the top row. */
    private String finished() {
        Players p = players();
        String id = started();
        play(p.host(), id, "TopLeft");
        play(p.opponent(), id, "MiddleLeft");
        play(p.host(), id, "TopMiddle");
        play(p.opponent(), id, "MiddleMiddle");
        play(p.host(), id, "TopRight");
        Map<String, AttributeValue> item = stored.get(id);
        assertTrue(item.get("StatusDate").s().startsWith("FINISHED_"), item.toString());
        assertEquals(p.hostName(), item.get("Result").s());
        return id;
    }

    private static void play(WebClient player, String id, String square) {
        player.get("/game.xhtml?id=" + id);
        HttpResponse<String> answer = player.ajax("/game.xhtml", moveClick(player, id, square));
        assertEquals(200, answer.statusCode());
        assertNotNull(stored.get(id).get(square), square + " was played: " + gist(answer.body()));
    }

    // ----------------------------------------------------------------------------------------
    // What a browser sends

    /** Opens the game page and returns the form a click on {@code button} submits. */
    private static Map<String, String> gameForm(WebClient player, String id, String button, String label) {
        assertEquals(200, player.get("/game.xhtml?id=" + id).statusCode());
        return form(
                "game",
                "game",
                "gameId",
                id,
                button,
                label,
                "jakarta.faces.ViewState",
                player.viewState(),
                "tictactoe-token",
                player.formToken());
    }

    /** A click on a square of the last game page fetched, as app.js sends it by Ajax: the button's name, the square. */
    private static Map<String, String> moveClick(WebClient player, String id, String square) {
        String button = Html.attribute(cellTag(player.lastPage(), square), "name");
        Map<String, String> click = form(
                "game",
                "game",
                "gameId",
                id,
                "jakarta.faces.ViewState",
                player.viewState(),
                "tictactoe-token",
                player.formToken());
        click.putAll(rowButtonAjax(button, square, "game messages"));
        return click;
    }

    /** A click on a lobby row's Decline or Cancel button as app.js sends it by Ajax: its name, the row's game id. */
    private static Map<String, String> lobbyAjax(WebClient player, String button, String gameId) {
        Map<String, String> click = form(
                "lists", "lists", "jakarta.faces.ViewState", player.viewState(), "tictactoe-token", player.formToken());
        click.putAll(rowButtonAjax(button, gameId, "lists messages"));
        return click;
    }

    /** What app.js adds for a plain button with data-render: no source id (it has none), its name and value. */
    private static Map<String, String> rowButtonAjax(String button, String value, String render) {
        return form(
                button,
                value,
                "jakarta.faces.source",
                "",
                "jakarta.faces.partial.event",
                "click",
                "jakarta.faces.partial.execute",
                button,
                "jakarta.faces.partial.render",
                render,
                "jakarta.faces.partial.ajax",
                "true");
    }

    /**
     * The name of the lobby's {@code kind} buttons, which send their row's game id: the page must
     * offer one for {@code gameId}; with {@code gameId} null it need not, for forging a click on a
     * game the page does not offer.
     */
    private static String lobbyButton(WebClient player, String kind, String gameId) {
        String name = "lists:" + kind;
        if (gameId != null && !Html.hasButton(player.lastPage(), name, gameId)) {
            throw new AssertionError("no " + kind + " button for " + gameId + ": " + player.lastPage());
        }
        return name;
    }

    private static String cellTag(String page, String square) {
        return Html.cell(page, square).orElseThrow(() -> new AssertionError("no button for " + square + ": " + page));
    }

    /** A visitor who is not signed in opens the page, then posts a copy of a player's form anyway. */
    private void anonymousPosts(String page, String postPath, Map<String, String> copiedForm) {
        WebClient stranger = new WebClient(base);
        assertSentToSignIn(stranger.get(page));
        assertSentToSignIn(stranger.post(postPath, copiedForm));
    }

    private static void assertSentToSignIn(HttpResponse<String> answer) {
        assertEquals(302, answer.statusCode(), "status");
        String location = location(answer);
        assertTrue(URI.create(location).getPath().endsWith("/signin.xhtml"), location);
    }

    /** What a failure message needs of a page: its messages and status line, not all of it. */
    private static String gist(String page) {
        StringBuilder gist = new StringBuilder();
        for (String marker : new String[] {"id=\"messages\"", "id=\"status\"", "class=\"your-mark\""}) {
            int at = page.indexOf(marker);
            if (at >= 0) {
                gist.append(page, at, Math.min(page.length(), at + 300)).append(" ... ");
            }
        }
        return gist.length() > 0 ? gist.toString() : page.substring(0, Math.min(page.length(), 600));
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    // ----------------------------------------------------------------------------------------
    // The Games table

    /** Every item of the Games table, read consistently, by game id. */
    private static Map<String, Map<String, AttributeValue>> games() {
        Map<String, Map<String, AttributeValue>> all = new TreeMap<>();
        stored.all().forEach(item -> all.put(item.get("GameId").s(), item));
        return all;
    }

    /** The table is as before except that game {@code id} is now exactly {@code expected}. */
    private static void assertOnly(
            Map<String, Map<String, AttributeValue>> before, String id, Map<String, AttributeValue> expected) {
        Map<String, Map<String, AttributeValue>> wanted = new TreeMap<>(before);
        wanted.put(id, expected);
        assertEquals(wanted, games());
    }

    /** Accepting changes the status, and only the status, to IN_PROGRESS. */
    private static void assertStarted(Map<String, Map<String, AttributeValue>> before, String id) {
        String statusDate = stored.get(id).get("StatusDate").s();
        assertTrue(statusDate.startsWith("IN_PROGRESS_"), statusDate);
        Map<String, AttributeValue> expected = new HashMap<>(before.get(id));
        expected.put("StatusDate", s(statusDate));
        expected.remove("ExpiresAt");
        expected.putAll(turnTimesAndOrderOf(id, before.get(id)));
        assertOnly(before, id, expected);
    }

    private static void assertDeleted(Map<String, Map<String, AttributeValue>> before, String id) {
        Map<String, Map<String, AttributeValue>> wanted = new TreeMap<>(before);
        assertNotNull(wanted.remove(id));
        assertEquals(wanted, games(), "only that game is gone");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
