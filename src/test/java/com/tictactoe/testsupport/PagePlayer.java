package com.tictactoe.testsupport;

import static com.tictactoe.testsupport.Html.attribute;
import static com.tictactoe.testsupport.Html.hiddenFields;
import static com.tictactoe.testsupport.Html.unescape;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser tab without the browser: its own cookies, the page it shows and that page's
 * form fields (ViewState included), which partial responses update as faces.js does, and the
 * page's push websocket. It sends the requests a browser sends for the real pages (sign-up, lobby,
 * invite, accept, a click on a square as app.js sends it), does with a push what app.js does
 * (shows a pushed move itself, or asks for the re-rendering) and checks every answer is what a
 * browser expects. Used by the load test and the benchmark.
 *
 * <p>Many players can share one {@link HttpClient} (one selector thread, one connection pool): each
 * keeps its cookies itself.
 */
public final class PagePlayer {

    /** The kinds of requests a player sends, for timing them apart. */
    public enum Request {
        PAGE,
        FORM,
        MOVE,
        /** A click the page's script sends to the API and opens a page from: an invitation, an acceptance. */
        OPEN,
        REFRESH,
        POLL,
        /** A push websocket's handshake. */
        SOCKET
    }

    /** Hears of every request: answered as expected (with its time), or not. */
    public interface Traffic {
        void answered(Request kind, long nanos);

        /** A request answered with an unexpected status, or not at all; {@code kind} as "403 to GET". */
        void failed(String kind);

        /** An answer no browser expects, in full, with the request that got it. */
        default void unexpected(String what, String request, String answer) {}
    }

    /** A response other than the one a browser expects; what the player was doing stops there. */
    public static final class Unexpected extends Exception {
        private static final long serialVersionUID = 1L;

        public Unexpected(String message) {
            super(message, null, false, false);
        }
    }

    public static final String[] SQUARES = {
        "TopLeft",
        "TopMiddle",
        "TopRight",
        "MiddleLeft",
        "MiddleMiddle",
        "MiddleRight",
        "BottomLeft",
        "BottomMiddle",
        "BottomRight"
    };

    private static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final String LOBBY_LISTS = "lists";
    private static final String SIGN_IN_COOKIE = "ttt_signin";
    private static final Pattern STATUS = Pattern.compile("role=\"status\">([^<]*)<");
    private static final Pattern UPDATE =
            Pattern.compile("<update id=\"([^\"]+)\"><!\\[CDATA\\[(.*?)]]></update>", Pattern.DOTALL);
    private static final String LIVE_MARKER_ID = "live-version";
    private static final Pattern LIVE_MARKER = Pattern.compile("<span id=\"" + LIVE_MARKER_ID + "\"[^>]*>");
    /** The push URL faces.push.init is given: the channel name and id, after the push prefix. */
    private static final Pattern PUSH_URL = Pattern.compile("[\"'](?:[^\"']*)(/jakarta\\.faces\\.push/[^\"']+)[\"']");

    private static final Pattern OPENED_GAME = Pattern.compile("\"game\":\"([^\"]+)\"");
    private static final Pattern OPENED_PAGE = Pattern.compile("\"page\":\"([^\"]+)\"");
    private static final Pattern PUSHED_GAME = Pattern.compile("\"game\":\"([^\"]+)\"");
    private static final Pattern PUSHED_VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern PUSHED_BOARD = Pattern.compile("\"board\":\\{([^}]*)}");
    private static final Pattern PUSHED_MARK = Pattern.compile("\"(\\w+)\":\"([OX])\"");
    private static final Pattern PUSHED_NEXT = Pattern.compile("\"next\":\"([OX])\"");
    private static final Pattern PUSHED_HOST = Pattern.compile("\"host\":\"([^\"]+)\"");
    private static final Pattern PUSHED_GUEST = Pattern.compile("\"guest\":\"([^\"]+)\"");
    /** The row a lobby holds for an invitation pushed to it, and the list it goes to. */
    private static final String INVITATION_ROW = "<template id=\"invitation-row\"";

    private static final String INVITATION_LIST = "<ul id=\"invitation-list\"";
    private static final Pattern PUSHED_RESULT = Pattern.compile("\"result\":\"(O|X|draw)\"");
    /** The result's text as a game page under way holds it, empty and hidden, for the end it is pushed. */
    private static final String HELD_RESULT = "<p class=\"result-text\"></p>";

    private static final Pattern SHOWN_STATUS = Pattern.compile("(role=\"status\">)[^<]*<");
    private static final long PUSH_WAIT_SECONDS = 10;

    public final String name;
    private final String password;
    private final HttpClient http;
    private final URI root;
    private volatile Traffic traffic;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    /** The page last loaded in full, or rebuilt from partial updates of its game form. */
    private String page = "";

    private String gameForm = "";
    /** The lobby's lists form, as last loaded or re-rendered; empty on another page. */
    private String lobbyLists = "";
    /** The lobby's ViewState: a partial response carries it apart from the lists it re-renders. */
    private String lobbyViewState;

    private String messages = "";
    /** The game form's ViewState: a partial response carries it apart from the form it re-renders. */
    private String viewState;
    /** What was last sent, for the report of a failure. */
    private String lastRequest = "";
    /** The page's push websocket, once {@link #listen()} opened it, and what it heard since the last page load. */
    private WebSocket socket;
    /** Whether every full page opens a socket of its own and polls once it is open, as faces.js and app.js do. */
    private boolean socketPerPage;

    private final PushSockets.Inbox pushes = new PushSockets.Inbox();

    /**
     * @param http a client without a cookie handler and that follows no redirects, such as
     *             {@link #newHttpClient()} makes; it may serve many players
     */
    public PagePlayer(HttpClient http, URI root, String name, String password, Traffic traffic) {
        this.http = http;
        this.root = URI.create(root.toString().endsWith("/") ? root.toString() : root + "/");
        this.name = name;
        this.password = password;
        this.traffic = traffic;
    }

    /** The same browser (cookies, page) from now on telling {@code traffic} of its requests. */
    public PagePlayer recordingTo(Traffic traffic) {
        this.traffic = traffic;
        return this;
    }

    /** A client for players: HTTP/1.1, no redirects followed, no cookies kept (players keep theirs). */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs up, which signs the new player in. */
    public void signUpAndIn() throws Unexpected {
        load(get("signup.xhtml"), "sign-up page");
        Map<String, String> form = hiddenFields(formHtml(page, "signup"));
        form.put("signup:username", name);
        form.put("signup:password", password);
        form.put("signup:again", password);
        form.put("signup:submit", "Create account");
        HttpResponse<String> created = post(action(formHtml(page, "signup")), form, false);
        follow(created, "sign-up");
        if (!page.contains("Signed in as <strong>" + name + "</strong>")) {
            throw unexpected("after sign-up, not signed in", created);
        }
    }

    /** The long-lived sign-in token this player's browser holds, after signing up or in. */
    public String signInToken() {
        return cookies.get(SIGN_IN_COOKIE);
    }

    /** Holds a sign-in token, as a browser that signed in before does: its next page signs it in. */
    public PagePlayer withSignInToken(String token) {
        cookies.put(SIGN_IN_COOKIE, token);
        return this;
    }

    /** The Cookie header this browser sends, for requests made beside it (a websocket handshake). */
    public String cookieHeader() {
        return cookies.entrySet().stream()
                .map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * From now on, once listening, each full page replaces the socket with its own and, once it is
     * open, polls the page's live marker to catch up, as a browser's page does (app.js
     * {@code opened}); otherwise one socket serves every page.
     */
    public PagePlayer withSocketPerPage() {
        socketPerPage = true;
        return this;
    }

    public PagePlayer openLobby() throws Unexpected {
        load(get(""), "lobby");
        if (!page.contains("Signed in as <strong>" + name + "</strong>") || !page.contains("id=\"invite\"")) {
            throw unexpected("not the lobby", page);
        }
        return this;
    }

    /** The page shown now, as last loaded in full. */
    public String page() {
        return page;
    }

    public void expectFinishedInLobby(String gameId) throws Unexpected {
        int results = page.indexOf("Recent results");
        if (results < 0 || page.indexOf("game.xhtml?id=" + gameId, results) < 0) {
            throw unexpected("the lobby does not list the finished game " + gameId, page);
        }
    }

    /**
     * Invites as a click on Invite does, to the game page: where the lobby's form names an address
     * for its script (data-invitations), as app.js sends it there, otherwise through the form.
     */
    public String invite(String opponent) throws Unexpected {
        String form = formHtml(page, "invite");
        String api = unescape(attribute(openingTag(form), "data-invitations"));
        if (!api.isEmpty()) {
            String gameId =
                    open(api + "?opponent=" + URLEncoder.encode(opponent, StandardCharsets.UTF_8), form, "invite");
            expectGamePage(gameId, "Waiting for " + opponent + " to accept");
            return gameId;
        }
        Map<String, String> fields = hiddenFields(form);
        fields.put("invite:opponent", opponent);
        fields.put("invite:send", "Invite");
        HttpResponse<String> invited = post(action(form), fields, false);
        String location = invited.headers().firstValue("Location").orElse("");
        if (invited.statusCode() != 302 || !location.contains("game.xhtml?id=")) {
            throw unexpected("invite did not lead to a game", invited);
        }
        String gameId = location.substring(location.indexOf("id=") + 3).replaceAll("&.*", "");
        follow(invited, "invite");
        expectGamePage(gameId, "Waiting for " + opponent + " to accept");
        return gameId;
    }

    /** Opens a game page; {@code status} is what its status line must say (null: anything). */
    public void openGame(String gameId, String status) throws Unexpected {
        load(get("game.xhtml?id=" + gameId), "game page");
        expectGamePage(gameId, status);
    }

    /**
     * The path of the websocket the page's {@code f:websocket} opens
     * ({@code /jakarta.faces.push/updates?<channel id>}), as faces.push.init is told.
     */
    public String pushPath() throws Unexpected {
        Matcher url = PUSH_URL.matcher(page);
        if (!url.find()) {
            throw unexpected("no push websocket on the page", page);
        }
        return url.group(1);
    }

    /** What the page's script polls as a safety net: a small JSON answer, such as a game's version. */
    public String poll(String path) throws Unexpected {
        lastRequest = "";
        URI address = root.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpResponse<String> answer = send(
                HttpRequest.newBuilder(address)
                        .header("Accept", "application/json")
                        .GET(),
                Request.POLL,
                "GET " + address.getRawPath());
        if (answer.statusCode() != 200 || !answer.body().startsWith("{")) {
            throw unexpected("the poll of " + path + " did not answer JSON", answer);
        }
        return answer.body();
    }

    /** Whether the page shown is this player's lobby. */
    public boolean onLobby() {
        return !lobbyLists.isEmpty();
    }

    /**
     * On the lobby, as a browser holds it open: waits for the push of the invitation to {@code
     * gameId}, each push shown or the lobby's lists re-rendered for it as app.js does, until they
     * offer it.
     * Fails if no push brings it within 10 s: the page does not poll meanwhile.
     */
    public void awaitInvitation(String gameId) throws Unexpected {
        if (!onLobby()) {
            throw unexpected("not on the lobby", page);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PUSH_WAIT_SECONDS);
        while (!lobbyLists.contains(acceptButton(gameId))) {
            String message;
            try {
                message = pushes.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unexpected(name + ": interrupted while waiting for a push");
            }
            if (message == null || message.startsWith("closed")) {
                traffic.failed("no push");
                throw unexpected("no push brought the invitation within " + PUSH_WAIT_SECONDS + " s", lobbyLists);
            }
            if (!showInvitation(message)) {
                refreshLobby();
            }
        }
    }

    /**
     * What app.js's showInvitation does with a push on the lobby: an invitation to this player
     * shown from the row the lobby holds for it (the host's name and the game filled in), at the
     * top of its list, unless listed already; false if the lobby must be re-rendered instead.
     */
    private boolean showInvitation(String message) {
        Matcher game = PUSHED_GAME.matcher(message);
        Matcher version = PUSHED_VERSION.matcher(message);
        Matcher host = PUSHED_HOST.matcher(message);
        Matcher guest = PUSHED_GUEST.matcher(message);
        if (!game.find()
                || !version.find()
                || !version.group(1).equals("0")
                || !host.find()
                || !guest.find()
                || !guest.group(1).equals(name)) {
            return false;
        }
        int template = lobbyLists.indexOf(INVITATION_ROW);
        int list = lobbyLists.indexOf(INVITATION_LIST);
        if (template < 0 || list < 0) {
            return false;
        }
        int listStart = lobbyLists.indexOf('>', list) + 1;
        String rows = lobbyLists.substring(listStart, lobbyLists.indexOf("</ul>", listStart));
        if (rows.contains(acceptButton(game.group(1)))) {
            return true;
        }
        int max = Integer.parseInt(attribute(lobbyLists.substring(list, listStart), "data-max"));
        if (rows.split("class=\"game-row\"", -1).length - 1 >= max) {
            return false;
        }
        int rowStart = lobbyLists.indexOf('>', template) + 1;
        String row = lobbyLists
                .substring(rowStart, lobbyLists.indexOf("</template>", rowStart))
                .replace("<strong></strong>", "<strong>" + host.group(1) + "</strong>")
                .replace("value=\"\"", "value=\"" + game.group(1) + "\"")
                .replace("{0}", host.group(1));
        lobbyLists = lobbyLists.substring(0, listStart) + row + lobbyLists.substring(listStart);
        return true;
    }

    /**
     * A click on the lobby's Accept for {@code gameId}: the game starts and its page opens. Sent as
     * app.js sends it where the lists name an address for their script (data-games), otherwise
     * through the form.
     */
    public void acceptFromLobby(String gameId, String host) throws Unexpected {
        if (!lobbyLists.contains(acceptButton(gameId))) {
            throw unexpected("the lobby offers no invitation " + gameId, lobbyLists);
        }
        String api = unescape(attribute(openingTag(lobbyLists), "data-games"));
        if (!api.isEmpty()) {
            if (!open(api + "/" + gameId + "/acceptance", lobbyLists, "accept").equals(gameId)) {
                throw unexpected("accepting opened another game", page);
            }
            expectGamePage(gameId, "Waiting for " + host);
            return;
        }
        Map<String, String> fields = hiddenFields(lobbyLists);
        fields.putIfAbsent(VIEW_STATE, lobbyViewState);
        fields.put(LOBBY_LISTS + ":accept", gameId);
        HttpResponse<String> accepted = post(action(lobbyLists), fields, false);
        String location = accepted.headers().firstValue("Location").orElse("");
        if (accepted.statusCode() != 302 || !location.contains("game.xhtml?id=" + gameId)) {
            throw unexpected("accepting did not lead to the game", accepted);
        }
        follow(accepted, "accept");
        expectGamePage(gameId, "Waiting for " + host);
    }

    /**
     * What app.js does with a click it sends to the API ({@code address}) with the token of the
     * form it was made in: the page the answer names loaded, as {@code location.assign} loads it.
     * Answers the game the answer names.
     */
    private String open(String address, String form, String what) throws Unexpected {
        String token = hiddenFields(form).getOrDefault("tictactoe-token", "");
        HttpResponse<String> answer = scriptPost(root.resolve(address), token, Request.OPEN);
        Matcher game = OPENED_GAME.matcher(answer.body());
        Matcher next = OPENED_PAGE.matcher(answer.body());
        if (answer.statusCode() != 200 || !game.find() || !next.find()) {
            throw unexpected(what + " did not answer a game's page", answer);
        }
        load(get(next.group(1)), what);
        return game.group(1);
    }

    /** A POST of the page's script to the API: no body, JSON accepted, the session's token in its header. */
    private HttpResponse<String> scriptPost(URI address, String token, Request kind) throws Unexpected {
        lastRequest = "";
        return send(
                HttpRequest.newBuilder(address)
                        .header("Accept", "application/json")
                        .header("X-Tictactoe-Token", token)
                        .POST(HttpRequest.BodyPublishers.noBody()),
                kind,
                kind + " " + address.getRawPath());
    }

    private static String openingTag(String html) {
        int end = html.indexOf('>');
        return end < 0 ? "" : html.substring(0, end + 1);
    }

    private static String acceptButton(String gameId) {
        return "name=\"" + LOBBY_LISTS + ":accept\" value=\"" + gameId + "\"";
    }

    /** The Ajax request app.js sends when the lobby is pushed a change: the lists re-rendered. */
    private void refreshLobby() throws Unexpected {
        Map<String, String> own = hiddenFields(lobbyLists);
        own.putIfAbsent(VIEW_STATE, lobbyViewState);
        Map<String, String> fields = refreshFields(lobbyLists, own);
        HttpResponse<String> answer = post(action(lobbyLists), fields, Request.REFRESH);
        Matcher update = UPDATE.matcher(answer.body());
        boolean rendered = false;
        while (update.find()) {
            if (update.group(1).equals(LOBBY_LISTS)) {
                lobbyLists = update.group(2); // the whole form, as Faces renders it, without its ViewState
                rendered = true;
            } else if (update.group(1).contains(VIEW_STATE)) {
                lobbyViewState = update.group(2);
            }
        }
        if (answer.statusCode() != 200 || !rendered || answer.body().contains("<error>")) {
            throw unexpected("the lobby's re-rendering did not render its lists", answer);
        }
    }

    public void accept(String host) throws Unexpected {
        Map<String, String> fields = gameFormFields();
        fields.put("game:accept", "Accept");
        HttpResponse<String> accepted = post(action(gameForm), fields, false);
        load(accepted, "accept");
        if (!gameForm.contains("Waiting for " + host)) {
            throw unexpected("accepting did not start the game", accepted);
        }
    }

    /**
     * A click on a square, as app.js sends it: to the page's moves address with the session's token;
     * the answer, the game after the move, shown as a push is (the end of the game re-rendered).
     */
    public void move(int square, String[] board, String status) throws Unexpected {
        String tag = Html.cell(gameForm, SQUARES[square])
                .orElseThrow(() -> unexpected("no button for " + SQUARES[square], gameForm));
        if (tag.contains("disabled")) {
            throw unexpected("the button for " + SQUARES[square] + " is disabled", tag);
        }
        Matcher marker = LIVE_MARKER.matcher(gameForm);
        if (!marker.find()) {
            throw unexpected("no live-version marker", gameForm);
        }
        String moves = unescape(attribute(marker.group(), "data-moves"));
        String token = unescape(attribute(marker.group(), "data-token"));
        if (moves.isEmpty() || token.isEmpty() || !attribute(tag, "value").equals(SQUARES[square])) {
            throw unexpected(
                    "the page offers no moves address and token, or the button does not send its square", gameForm);
        }
        HttpResponse<String> answer = scriptPost(root.resolve(moves + "/" + SQUARES[square]), token, Request.MOVE);
        if (answer.statusCode() != 200 || !answer.body().startsWith("{")) {
            throw unexpected("move " + SQUARES[square] + ": no JSON answer", answer);
        }
        if (!show(answer.body())) {
            refresh();
        }
        expectBoard(board, "after moving to " + SQUARES[square]);
        expectStatus(status, answer);
    }

    /**
     * Opens the websocket the page's {@code f:websocket} opens, as faces.js does (same origin, the
     * session's cookie), once: the channel is the session's, the same on every page. What it hears
     * from then on is kept for {@link #awaitPush}.
     */
    public PagePlayer listen() throws Unexpected {
        if (socket == null) {
            URI address = URI.create(
                    "ws" + root.resolve(pushPath().substring(1)).toString().substring("http".length()));
            long start = System.nanoTime();
            try {
                socket = http.newWebSocketBuilder()
                        .header("Origin", root.getScheme() + "://" + root.getRawAuthority())
                        .header("Cookie", cookieHeader())
                        .buildAsync(address, pushes)
                        .orTimeout(30, TimeUnit.SECONDS)
                        .join();
            } catch (RuntimeException refused) {
                traffic.failed("socket refused");
                throw new Unexpected(name + ": the push websocket did not open: " + refused);
            }
            traffic.answered(Request.SOCKET, System.nanoTime() - start);
        }
        return this;
    }

    /**
     * The page's own socket and its catch-up poll, after a full page, when each page has its own:
     * as app.js does once the socket is open, the page is re-rendered if the poll answers another
     * version than it shows (a change pushed before its socket was open reached no page).
     */
    private void reconnect() throws Unexpected {
        if (!socketPerPage || socket == null) {
            return;
        }
        socket.abort();
        socket = null;
        listen();
        Matcher marker = LIVE_MARKER.matcher(page);
        if (marker.find()) {
            String address = unescape(attribute(marker.group(), "data-url"));
            HttpResponse<String> answer = send(
                    HttpRequest.newBuilder(root.resolve(address)).header("Accept", "application/json"),
                    Request.POLL,
                    "GET " + address);
            Matcher version = Pattern.compile("\"" + attribute(marker.group(), "data-field") + "\":(\\d+)")
                    .matcher(answer.body());
            if (version.find() && !version.group(1).equals(attribute(marker.group(), "data-version"))) {
                if (!gameForm.isEmpty()) {
                    refresh();
                } else if (onLobby()) {
                    refreshLobby();
                }
            }
        }
    }

    /** Closes the page's websocket, as leaving the site does. */
    public void stopListening() {
        if (socket != null) {
            socket.abort();
            socket = null;
        }
    }

    /**
     * Waits for the pushes that bring the game page to {@code board} and its status line to say
     * {@code status} (null: anything), doing with each what app.js does ({@link #pushed}). Fails
     * if no push arrives within 10 s: the page does not poll meanwhile. Answers the last push
     * taken (null if the page showed the board already).
     */
    public String awaitPush(String[] board, String status) throws Unexpected {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PUSH_WAIT_SECONDS);
        String message = null;
        while (!showsBoard(board) || !saysStatus(status)) {
            try {
                message = pushes.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unexpected(name + ": interrupted while waiting for a push");
            }
            if (message == null) {
                traffic.failed("no push");
                throw unexpected("no push brought the opponent's move within " + PUSH_WAIT_SECONDS + " s", gameForm);
            }
            pushed(message);
        }
        expectStatus(status, gameForm);
        return message;
    }

    /**
     * What app.js does with a push on the game page: nothing if it concerns another game or a
     * version the page shows already; a move pushed with its board shown without a request (the
     * marks, the squares playable if the pushed mark is the page's own, the status line the page
     * holds for that mark's turn, the version); any other change of the game re-rendered. The
     * lobby's re-rendering on a push is not modelled.
     */
    public void pushed(String message) throws Unexpected {
        if (!show(message)) {
            refresh();
        }
    }

    /** What app.js's show does with a game's update (pushed, or the answer to a move); false: re-render. */
    private boolean show(String update) {
        Matcher game = PUSHED_GAME.matcher(update);
        Matcher marker = LIVE_MARKER.matcher(gameForm);
        if (!marker.find()) {
            return true; // not a game page: the lobby's re-rendering is not modelled here
        }
        if (!game.find() || !game.group(1).equals(attribute(marker.group(), "data-game"))) {
            return true; // another game's
        }
        Matcher version = PUSHED_VERSION.matcher(update);
        if (version.find()
                && Integer.parseInt(version.group(1)) <= Integer.parseInt(attribute(marker.group(), "data-version"))) {
            return true;
        }
        Matcher board = PUSHED_BOARD.matcher(update);
        if (!board.find() || attribute(marker.group(), "data-status-o").isEmpty()) {
            return false;
        }
        Map<String, String> marks = new LinkedHashMap<>();
        Matcher mark = PUSHED_MARK.matcher(board.group(1));
        while (mark.find()) {
            marks.put(mark.group(1), mark.group(2));
        }
        Matcher result = PUSHED_RESULT.matcher(update);
        Matcher next = PUSHED_NEXT.matcher(update);
        String statusLine;
        String form;
        if (result.find()) {
            // the end, played out: the board closed, the status and result the page holds for it
            String resultText =
                    attribute(marker.group(), "data-result-" + result.group(1).toLowerCase(Locale.ROOT));
            if (resultText.isEmpty() || !gameForm.contains(HELD_RESULT)) {
                return false;
            }
            statusLine = attribute(marker.group(), "data-over");
            form = drawBoard(gameForm, marks, false)
                    .replace(HELD_RESULT, "<p class=\"result-text\">" + unescape(resultText) + "</p>");
        } else if (next.find()) {
            statusLine =
                    attribute(marker.group(), "data-status-" + next.group(1).toLowerCase(Locale.ROOT));
            form = drawBoard(gameForm, marks, next.group(1).equals(attribute(marker.group(), "data-mark")));
        } else {
            return false;
        }
        form = SHOWN_STATUS.matcher(form).replaceFirst("$1" + Matcher.quoteReplacement(unescape(statusLine)) + "<");
        gameForm = form.replace(
                marker.group(),
                marker.group().replaceFirst("data-version=\"\\d+\"", "data-version=\"" + version.group(1) + "\""));
        messages = "";
        return true;
    }

    /** The board's buttons with {@code marks}, the empty ones playable or not. */
    private static String drawBoard(String form, Map<String, String> marks, boolean playable) {
        return Html.replaceCells(form, cell -> {
            String square = attribute(cell, "data-square");
            String shown = marks.getOrDefault(square, "");
            String start = cell.substring(0, cell.indexOf('>')).replace(" disabled=\"disabled\"", "");
            return start + (playable && shown.isEmpty() ? "" : " disabled=\"disabled\"") + ">" + shown + "</button>";
        });
    }

    private boolean saysStatus(String status) {
        Matcher shown = STATUS.matcher(gameForm);
        return status == null || shown.find() && shown.group(1).contains(status);
    }

    private boolean showsBoard(String[] board) {
        for (int i = 0; i < 9; i++) {
            String cell = Html.cell(gameForm, SQUARES[i]).orElse(null);
            if (cell == null || !Html.cellMark(cell).equals(board[i] == null ? "" : board[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The AJAX request app.js sends through faces.js when a push concerns the page and it cannot show
     * it itself: the action and the parts to render named by the page's live-version marker, the
     * marker its source.
     */
    public void refresh() throws Unexpected {
        HttpResponse<String> answer =
                post(action(gameForm), refreshFields(gameForm, gameFormFields()), Request.REFRESH);
        partial(answer, "refresh");
    }

    /** How many squares the board shown holds a mark on. */
    public int marksShown() throws Unexpected {
        int marks = 0;
        for (String square : SQUARES) {
            String cell = Html.cell(gameForm, square).orElseThrow(() -> unexpected("no square " + square, gameForm));
            if (!Html.cellMark(cell).isEmpty()) {
                marks++;
            }
        }
        return marks;
    }

    public void expectResult(String text) throws Unexpected {
        if (!gameForm.contains("Game over") || !gameForm.contains("class=\"result-text\">" + text + "<")) {
            throw unexpected("the page does not say " + text, gameForm);
        }
    }

    /** The nine squares on the page are exactly the given marks. */
    public void expectBoard(String[] board, String when) throws Unexpected {
        for (int i = 0; i < 9; i++) {
            int at = i;
            String cell = Html.cell(gameForm, SQUARES[i])
                    .orElseThrow(() -> unexpected("no square " + SQUARES[at] + " " + when, gameForm));
            String shown = Html.cellMark(cell);
            String expected = board[i] == null ? "" : board[i];
            if (!shown.equals(expected)) {
                throw unexpected(
                        SQUARES[i] + " shows \"" + shown + "\" instead of \"" + expected + "\" " + when, gameForm);
            }
        }
    }

    /**
     * The request faces.ajax.request builds for app.js's refresh of {@code form} (the game's, the
     * lobby's lists): its fields, its live-version marker as the source, the marker's action
     * executed and the parts it names rendered.
     */
    private Map<String, String> refreshFields(String form, Map<String, String> formFields) throws Unexpected {
        Matcher marker = LIVE_MARKER.matcher(form);
        if (!marker.find()) {
            throw unexpected("no live-version marker", form);
        }
        String action = attribute(marker.group(), "data-refresh");
        String render = attribute(marker.group(), "data-render");
        if (action.isEmpty() || render.isEmpty()) {
            throw unexpected("the marker names no refresh action or nothing to render", marker.group());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.source", LIVE_MARKER_ID);
        fields.put("jakarta.faces.partial.execute", LIVE_MARKER_ID + " " + action);
        fields.put("jakarta.faces.partial.render", render);
        fields.put(action, "1");
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.putAll(formFields);
        return fields;
    }

    /** The fields of the game form as the browser has it now. */
    private Map<String, String> gameFormFields() throws Unexpected {
        Map<String, String> fields = hiddenFields(gameForm);
        if (viewState == null) {
            throw unexpected("no ViewState for the game form", gameForm);
        }
        fields.put(VIEW_STATE, viewState);
        return fields;
    }

    private void expectGamePage(String gameId, String status) throws Unexpected {
        if (!gameForm.contains("name=\"gameId\" value=\"" + gameId + "\"")) {
            throw unexpected("not the page of game " + gameId, page);
        }
        expectStatus(status, gameForm);
    }

    private void expectStatus(String status, Object context) throws Unexpected {
        Matcher shown = STATUS.matcher(gameForm);
        if (status != null && !(shown.find() && shown.group(1).contains(status))) {
            throw unexpected("the page does not say \"" + status + "\"", context);
        }
        if (messages.contains("msg-error")) {
            throw unexpected("the page shows an error message", messages);
        }
    }

    // ---- HTTP ----

    private HttpResponse<String> get(String path) throws Unexpected {
        lastRequest = "";
        URI address = root.resolve(path);
        return send(
                HttpRequest.newBuilder(address).GET(),
                Request.PAGE,
                "GET " + address.getRawPath() + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()));
    }

    private HttpResponse<String> post(String path, Map<String, String> form, boolean ajax) throws Unexpected {
        return post(path, form, ajax ? Request.REFRESH : Request.FORM);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, Request kind) throws Unexpected {
        boolean ajax = kind == Request.MOVE || kind == Request.REFRESH;
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(form)));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        lastRequest = form.toString();
        return send(request, kind, (ajax ? "AJAX " : "POST ") + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Request kind, String what) throws Unexpected {
        HttpResponse<String> response;
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        long start = System.nanoTime();
        try {
            response =
                    http.send(request.timeout(TestTimeouts.HTTP_REQUEST).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            traffic.failed("no answer to " + what.split(" ")[0]);
            throw new Unexpected(what + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unexpected(what + ": interrupted");
        }
        long nanos = System.nanoTime() - start;
        keepCookies(response);
        int status = response.statusCode();
        if (status != 200 && status != 302) {
            traffic.failed(status + " to " + what.split(" ")[0]);
            throw unexpected(what + " answered " + status, response);
        }
        traffic.answered(kind, nanos);
        return response;
    }

    /** What a browser does with Set-Cookie for one site: keep, replace, or forget (Max-Age=0). */
    private void keepCookies(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String cookie = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(cookie);
            } else {
                cookies.put(cookie, value);
            }
        }
    }

    /** A redirect followed as a browser does; then the page loaded. */
    private void follow(HttpResponse<String> response, String what) throws Unexpected {
        HttpResponse<String> current = response;
        for (int hops = 0; current.statusCode() == 302; hops++) {
            String location = current.headers().firstValue("Location").orElse("");
            if (hops == 3 || location.contains("error") || location.contains("signin")) {
                throw unexpected(what + " redirected to " + location, current);
            }
            current = send(
                    HttpRequest.newBuilder(current.uri().resolve(location)).GET(), Request.PAGE, "GET " + location);
        }
        load(current, what);
    }

    /** A whole page: must be 200 HTML. */
    private void load(HttpResponse<String> response, String what) throws Unexpected {
        if (response.statusCode() != 200 || !response.body().contains("<html")) {
            throw unexpected(what + ": no page", response);
        }
        page = response.body();
        pushes.messages.clear(); // what was pushed before, the page shows
        gameForm = page.contains("<form id=\"game\"") ? formHtml(page, "game") : "";
        lobbyLists = formHtml(page, LOBBY_LISTS);
        lobbyViewState = hiddenFields(lobbyLists).get(VIEW_STATE);
        messages = section(page, "<div id=\"messages\"");
        viewState = hiddenFields(gameForm).get(VIEW_STATE);
        reconnect();
    }

    /** A partial response, applied to the page as faces.js does. */
    private void partial(HttpResponse<String> response, String what) throws Unexpected {
        String body = response.body();
        if (response.statusCode() != 200 || !body.contains("<partial-response")) {
            throw unexpected(what + ": not a partial response", response);
        }
        if (body.contains("<error>") || body.contains("<redirect")) {
            throw unexpected(what + ": error or redirect in the partial response", response);
        }
        Matcher update = UPDATE.matcher(body);
        boolean form = false;
        while (update.find()) {
            String id = update.group(1);
            if (id.equals("game")) {
                gameForm = update.group(2);
                form = true;
            } else if (id.equals("messages")) {
                messages = update.group(2);
            } else if (id.contains(VIEW_STATE)) {
                viewState = update.group(2);
            }
        }
        if (!form) {
            throw unexpected(what + ": the game form was not rendered", response);
        }
    }

    public Unexpected unexpected(String what, Object context) {
        String text;
        if (context instanceof HttpResponse<?> response) {
            text = response.statusCode() + " " + response.uri() + " "
                    + response.headers()
                            .firstValue("Location")
                            .map(location -> "-> " + location + " ")
                            .orElse("")
                    + String.valueOf(response.body());
        } else {
            text = String.valueOf(context);
        }
        traffic.unexpected(what, lastRequest, text);
        text = text.replaceAll("\\s+", " ");
        return new Unexpected(name + ": " + what + " [" + text.substring(0, Math.min(200, text.length())) + "]");
    }

    // ---- HTML ----

    private static String formHtml(String html, String id) {
        int start = html.indexOf("<form id=\"" + id + "\"");
        if (start < 0) {
            return "";
        }
        int end = html.indexOf("</form>", start);
        return html.substring(start, end < 0 ? html.length() : end + 7);
    }

    private static String section(String html, String start) {
        int from = html.indexOf(start);
        if (from < 0) {
            return "";
        }
        int end = html.indexOf("</div>", from);
        return html.substring(from, end < 0 ? html.length() : end);
    }

    private static String action(String form) {
        return unescape(attribute(form.substring(0, Math.max(0, form.indexOf('>') + 1)), "action"));
    }
}
