package com.tictactoe.web;

import static com.tictactoe.testsupport.Html.attribute;
import static com.tictactoe.testsupport.Html.hiddenFields;
import static com.tictactoe.testsupport.Html.unescape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.Html;
import com.tictactoe.testsupport.StoredGames;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Many pairs of players play whole games at the same time through the real pages and the AJAX
 * requests faces.js sends, each player signed in once with its own cookie session. After each
 * acknowledged move the opponent's page runs its {@code refreshGame} command script, as a push
 * makes a browser do. Every answer must be what a browser expects (no 403 from the sign-in
 * mechanism, no error page, no Faces error), and every game must end FINISHED in DynamoDB with
 * exactly the moves the players saw acknowledged.
 *
 * <p>Sized by system properties: {@code load.pairs} (16), {@code load.gamesPerPair} (13) and
 * {@code load.maxSeconds} (120, after which no pair starts another game).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ManyPlayersLoadIT {

    private static final String PASSWORD = "s3cret-enough";
    private static final String[] SQUARES = {"TopLeft", "TopMiddle", "TopRight", "MiddleLeft", "MiddleMiddle",
            "MiddleRight", "BottomLeft", "BottomMiddle", "BottomRight"};
    private static final int[][] LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
            {0, 4, 8}, {2, 4, 6}};
    /** Squares in the order they are played; the host (O) moves first. */
    private static final int[][] SCRIPTS = {
            {0, 3, 1, 4, 2},                // O wins on the top row
            {0, 2, 1, 4, 8, 6},             // X wins on the rising diagonal
            {0, 1, 2, 4, 3, 5, 7, 6, 8}};   // a draw

    /** The first unexpected answer in full, with the request that got it. */
    private static final Path FIRST_FAILURE = Path.of("target", "ManyPlayersLoadIT-first-failure.txt");
    private static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final Pattern STATUS = Pattern.compile("role=\"status\">([^<]*)<");
    private static final Pattern UPDATE = Pattern.compile(
            "<update id=\"([^\"]+)\"><!\\[CDATA\\[(.*?)]]></update>", Pattern.DOTALL);
    private static final Pattern AJAX_CALL = Pattern.compile(
            "mojarra\\.ab\\((?:this|'([^']*)'),(?:event|null),(?:'([^']*)'|0|null),(?:'([^']*)'|0|null),"
            + "(?:'([^']*)'|0|null)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    // ---- what the run records -------------------------------------------------------------

    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> failedByStatus = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger acknowledgedMoves = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> moveNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> refreshNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<GameRecord> games = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastGameEnded = new AtomicLong();
    private final AtomicBoolean firstFailure = new AtomicBoolean();

    /** One game as the players saw it: the squares acknowledged to the mover, in order. */
    private static final class GameRecord {
        final String gameId;
        final String host;
        final String guest;
        final int[] script;
        final List<Integer> acknowledged = new ArrayList<>();
        String abandonedAt;

        GameRecord(String gameId, String host, String guest, int[] script) {
            this.gameId = gameId;
            this.host = host;
            this.guest = guest;
            this.script = script;
        }
    }

    /** A response other than the one a browser expects; the game it belongs to stops there. */
    private static final class Unexpected extends Exception {
        Unexpected(String message) {
            super(message, null, false, false);
        }
    }

    @Test
    void manyPairsPlayWholeGamesAtOnce() throws Exception {
        int pairs = Integer.getInteger("load.pairs", 16);
        int gamesPerPair = Integer.getInteger("load.gamesPerPair", 13);
        long maxSeconds = Long.getLong("load.maxSeconds", 120);
        String run = UUID.randomUUID().toString().substring(0, 4);
        Files.deleteIfExists(FIRST_FAILURE);

        ExecutorService pool = Executors.newFixedThreadPool(pairs);
        CountDownLatch signedUp = new CountDownLatch(pairs);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong deadline = new AtomicLong();
        for (int p = 0; p < pairs; p++) {
            int pair = p;
            pool.submit(() -> {
                Player host = new Player(String.format("ld%sh%02d", run, pair));
                Player guest = new Player(String.format("ld%sg%02d", run, pair));
                boolean ready = false;
                try {
                    host.signUpAndIn();
                    guest.signUpAndIn();
                    ready = true;
                } catch (Unexpected | RuntimeException e) {
                    record("pair " + pair + " could not sign up: " + e.getMessage());
                } finally {
                    signedUp.countDown();
                }
                if (!ready) {
                    return null;
                }
                go.await();
                for (int g = 0; g < gamesPerPair && System.nanoTime() < deadline.get(); g++) {
                    playOneGame(host, guest, pair * gamesPerPair + g);
                }
                return null;
            });
        }
        boolean allSignedUp = signedUp.await(120, TimeUnit.SECONDS);
        if (!allSignedUp) {
            record("the players did not sign up within 120 s");
        }
        long started = System.nanoTime();
        deadline.set(allSignedUp ? started + TimeUnit.SECONDS.toNanos(maxSeconds) : started);
        lastGameEnded.set(started);
        go.countDown();
        pool.shutdown();
        boolean ended = pool.awaitTermination(maxSeconds + 30, TimeUnit.SECONDS);
        if (!ended) {
            pool.shutdownNow();
            record("the pairs did not end within " + (maxSeconds + 30) + " s");
        }
        double elapsed = (lastGameEnded.get() - started) / 1e9;

        List<String> broken = checkEveryGameInDynamoDb();

        long finishedGames = games.stream().filter(game -> game.abandonedAt == null).count();
        System.out.printf("%n==== ManyPlayersLoadIT ====%n"
                        + "pairs %d, games started %d, games played to the end %d, acknowledged moves %d, requests %d%n"
                        + "failed requests (unexpected answers) %d %s, broken games %d%n"
                        + "elapsed %.1f s, %.2f games/s, %.1f moves/s, %.1f requests/s%n"
                        + "move latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n"
                        + "opponent refresh latency ms: p50 %.1f, p90 %.1f, p99 %.1f%n",
                pairs, games.size(), finishedGames, acknowledgedMoves.get(), requests.get(),
                failures.size(), new TreeMap<>(failedByStatus), broken.size(),
                elapsed, finishedGames / elapsed, acknowledgedMoves.get() / elapsed, requests.get() / elapsed,
                percentile(moveNanos, 50), percentile(moveNanos, 90), percentile(moveNanos, 99), percentile(moveNanos, 100),
                percentile(refreshNanos, 50), percentile(refreshNanos, 90), percentile(refreshNanos, 99));
        failures.stream().limit(20).forEach(failure -> System.out.println("  failed: " + failure));
        broken.stream().limit(20).forEach(game -> System.out.println("  broken: " + game));

        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " requests got an answer no browser expects");
        assertEquals(List.of(), broken.stream().limit(10).toList(), broken.size() + " games are not as the players saw them");
        assertTrue(pairs >= 16 && finishedGames >= 200 || pairs * gamesPerPair < 200,
                "at least 200 games at 16 pairs, but " + finishedGames + " games at " + pairs + " pairs");
        assertEquals((long) pairs * gamesPerPair, finishedGames, "every planned game was played within the time cap");
    }

    // ---- one game ---------------------------------------------------------------------------

    private void playOneGame(Player host, Player guest, int number) {
        int[] script = symmetric(SCRIPTS[number % SCRIPTS.length], number / SCRIPTS.length);
        GameRecord game = null;
        try {
            host.openLobby();
            String gameId = host.invite(guest.name);
            game = new GameRecord(gameId, host.name, guest.name, script);
            games.add(game);
            guest.openGame(gameId, "invites you to a game");
            guest.accept(host.name);
            String[] board = new String[9];
            host.openGame(gameId, "Your turn");
            host.expectBoard(board, "after opening");
            guest.openGame(gameId, "Waiting for " + host.name);
            guest.expectBoard(board, "after opening");
            for (int move = 0; move < script.length; move++) {
                Player mover = move % 2 == 0 ? host : guest;
                Player other = move % 2 == 0 ? guest : host;
                String mark = move % 2 == 0 ? "O" : "X";
                board[script[move]] = mark;
                boolean last = move == script.length - 1;
                mover.move(script[move], board, last ? null : "Waiting for " + other.name);
                game.acknowledged.add(script[move]);
                acknowledgedMoves.incrementAndGet();
                other.refresh(board, last ? null : "Your turn");
            }
            String winner = winner(board);
            host.expectResult(winner == null ? "Draw" : winner.equals("O") ? "You won!" : "You lost");
            guest.expectResult(winner == null ? "Draw" : winner.equals("X") ? "You won!" : "You lost");
            host.openLobby().expectFinishedInLobby(gameId);
            guest.openLobby().expectFinishedInLobby(gameId);
        } catch (Unexpected | RuntimeException e) {
            String problem = e instanceof Unexpected ? e.getMessage() : "the test itself failed: " + e;
            record("game " + number + (game == null ? "" : " (" + game.gameId + ")")
                    + " between " + host.name + " and " + guest.name + ": " + problem);
            if (game != null) {
                game.abandonedAt = problem;
            }
        } finally {
            lastGameEnded.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    /** One of the eight symmetries of the board applied to a script, for variety. */
    private static int[] symmetric(int[] script, int symmetry) {
        int[] result = new int[script.length];
        for (int i = 0; i < script.length; i++) {
            int row = script[i] / 3;
            int column = script[i] % 3;
            for (int turn = 0; turn < symmetry % 4; turn++) {
                int rotated = column;
                column = 2 - row;
                row = rotated;
            }
            if (symmetry % 8 >= 4) {
                column = 2 - column;
            }
            result[i] = row * 3 + column;
        }
        return result;
    }

    private static String winner(String[] board) {
        for (int[] line : LINES) {
            if (board[line[0]] != null && board[line[0]].equals(board[line[1]]) && board[line[0]].equals(board[line[2]])) {
                return board[line[0]];
            }
        }
        return null;
    }

    // ---- DynamoDB ---------------------------------------------------------------------------

    /** Reads every game back: finished, exactly the acknowledged squares, the right result. */
    private List<String> checkEveryGameInDynamoDb() {
        List<String> broken = new ArrayList<>();
        try (StoredGames stored = StoredGames.open()) {
            for (GameRecord game : games) {
                Optional<String> problem = problem(game, stored.get(game.gameId));
                problem.ifPresent(text -> broken.add(game.gameId + " " + game.host + " vs " + game.guest + ": " + text));
            }
        }
        return broken;
    }

    private static Optional<String> problem(GameRecord game, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Optional.of("no item");
        }
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < game.acknowledged.size(); i++) {
            expected.put(SQUARES[game.acknowledged.get(i)], i % 2 == 0 ? "O" : "X");
        }
        Map<String, String> stored = new TreeMap<>();
        for (String square : SQUARES) {
            if (item.containsKey(square)) {
                stored.put(square, item.get(square).s());
            }
        }
        List<String> problems = new ArrayList<>();
        if (game.abandonedAt != null) {
            problems.add("abandoned at: " + game.abandonedAt);
        }
        if (!expected.equals(stored)) {
            problems.add("squares " + stored + " but acknowledged " + expected);
        }
        String statusDate = item.get("StatusDate") == null ? null : item.get("StatusDate").s();
        if (statusDate == null || !statusDate.startsWith("FINISHED_")) {
            problems.add("StatusDate " + statusDate);
        }
        if (!game.host.equals(s(item, "HostId")) || !game.guest.equals(s(item, "OpponentId"))
                || !game.host.equals(s(item, "OUser"))) {
            problems.add("players " + s(item, "HostId") + "/" + s(item, "OpponentId") + "/" + s(item, "OUser"));
        }
        if (game.abandonedAt == null) {
            String[] board = new String[9];
            for (int i = 0; i < game.script.length; i++) {
                board[game.script[i]] = i % 2 == 0 ? "O" : "X";
            }
            String winner = winner(board);
            String result = winner == null ? "Tie" : winner.equals("O") ? game.host : game.guest;
            if (!result.equals(s(item, "Result"))) {
                problems.add("Result " + s(item, "Result") + " but expected " + result);
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return item.get(name) == null ? null : item.get(name).s();
    }

    // ---- recording ----------------------------------------------------------------------------

    private void record(String failure) {
        failures.add(failure);
    }

    private static double percentile(ConcurrentLinkedQueue<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    // ---- a browser, without the browser ------------------------------------------------------

    /**
     * One person's browser tab: its own cookies, the page it shows and that page's form fields
     * (ViewState included), which partial responses update as faces.js does.
     */
    private final class Player {

        final String name;
        private final HttpClient http;
        private final URI root;
        /** The page last loaded in full, or rebuilt from partial updates of its game form. */
        private String page = "";
        private String gameForm = "";
        private String messages = "";
        /** The game form's ViewState: a partial response carries it apart from the form it re-renders. */
        private String viewState;
        /** What was last sent, for the report of a failure. */
        private String lastRequest = "";

        Player(String name) {
            this.name = name;
            this.root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** Signs up, which signs the new player in: the only sign-in of the run. */
        void signUpAndIn() throws Unexpected {
            load(get("signup.xhtml"), "sign-up page");
            Map<String, String> form = hiddenFields(formHtml(page, "signup"));
            form.put("signup:username", name);
            form.put("signup:password", PASSWORD);
            form.put("signup:again", PASSWORD);
            form.put("signup:submit", "Create account");
            HttpResponse<String> created = post(action(formHtml(page, "signup")), form, false);
            follow(created, "sign-up");
            if (!page.contains("Signed in as <strong>" + name + "</strong>")) {
                throw unexpected("after sign-up, not signed in", created);
            }
        }

        Player openLobby() throws Unexpected {
            load(get(""), "lobby");
            if (!page.contains("Signed in as <strong>" + name + "</strong>") || !page.contains("id=\"invite\"")) {
                throw unexpected("not the lobby", page);
            }
            return this;
        }

        void expectFinishedInLobby(String gameId) throws Unexpected {
            int results = page.indexOf("Recent results");
            if (results < 0 || page.indexOf("game.xhtml?id=" + gameId, results) < 0) {
                throw unexpected("the lobby does not list the finished game " + gameId, page);
            }
        }

        /** Invites through the lobby form, as a click on Invite does; follows to the game page. */
        String invite(String opponent) throws Unexpected {
            String form = formHtml(page, "invite");
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

        void openGame(String gameId, String status) throws Unexpected {
            load(get("game.xhtml?id=" + gameId), "game page");
            expectGamePage(gameId, status);
        }

        void accept(String host) throws Unexpected {
            Map<String, String> fields = gameFormFields();
            fields.put("game:accept", "Accept");
            HttpResponse<String> accepted = post(action(gameForm), fields, false);
            load(accepted, "accept");
            if (!gameForm.contains("Waiting for " + host)) {
                throw unexpected("accepting did not start the game", accepted);
            }
        }

        /** A click on a square: the AJAX request faces.js sends for the cell's f:ajax. */
        void move(int square, String[] board, String status) throws Unexpected {
            String tag = Html.cell(gameForm, SQUARES[square])
                    .orElseThrow(() -> unexpected("no button for " + SQUARES[square], gameForm));
            if (tag.contains("disabled")) {
                throw unexpected("the button for " + SQUARES[square] + " is disabled", tag);
            }
            String id = attribute(tag, "id");
            String onclick = unescape(attribute(tag, "onclick"));
            Matcher call = AJAX_CALL.matcher(onclick);
            if (!call.find() || !onclick.contains("'square':'" + SQUARES[square] + "'")) {
                throw unexpected("the button does not send an AJAX request with its square", tag);
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("square", SQUARES[square]);
            long start = System.nanoTime();
            HttpResponse<String> answer = post(action(gameForm),
                    ajaxFields(id, "click", call.group(2), call.group(3), call.group(4), params), true);
            moveNanos.add(System.nanoTime() - start);
            partial(answer, "move " + SQUARES[square]);
            expectBoard(board, "after moving to " + SQUARES[square]);
            expectStatus(status, answer);
        }

        /** What a push makes the page do: run the refreshGame command script. */
        void refresh(String[] board, String status) throws Unexpected {
            int script = gameForm.indexOf("refreshGame=");
            Matcher call = AJAX_CALL.matcher(script < 0 ? "" : gameForm.substring(script));
            if (!call.find()) {
                throw unexpected("no refreshGame command script", gameForm);
            }
            long start = System.nanoTime();
            HttpResponse<String> answer = post(action(gameForm),
                    ajaxFields(call.group(1), null, call.group(2), call.group(3), call.group(4), Map.of()), true);
            refreshNanos.add(System.nanoTime() - start);
            partial(answer, "refresh");
            expectBoard(board, "after the opponent's move");
            expectStatus(status, answer);
        }

        void expectResult(String text) throws Unexpected {
            if (!gameForm.contains("Game over") || !gameForm.contains("class=\"result-text\">" + text + "<")) {
                throw unexpected("the page does not say " + text, gameForm);
            }
        }

        /** The request faces.ajax.request builds: the form's fields plus the AJAX arguments. */
        private Map<String, String> ajaxFields(String sourceId, String event, String behaviorEvent, String execute,
                String render, Map<String, String> params) throws Unexpected {
            String formId = attribute(gameForm.substring(0, gameForm.indexOf('>') + 1), "id");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("jakarta.faces.source", sourceId);
            if (event != null) {
                fields.put("jakarta.faces.partial.event", event);
            }
            String executeList;
            if (execute == null) {
                executeList = sourceId + " " + sourceId;
            } else {
                executeList = execute.replace("@this", sourceId).replace("@form", formId);
                if (!List.of(executeList.split(" ")).contains(sourceId)) {
                    executeList = sourceId + " " + executeList;
                }
            }
            fields.put("jakarta.faces.partial.execute", executeList);
            if (render != null) {
                fields.put("jakarta.faces.partial.render", render.replace("@this", sourceId).replace("@form", formId));
            }
            if (behaviorEvent != null) {
                fields.put("jakarta.faces.behavior.event", behaviorEvent);
            }
            fields.putAll(params);
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.putAll(gameFormFields());
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

        /** The nine squares on the page are exactly the given marks. */
        void expectBoard(String[] board, String when) throws Unexpected {
            for (int i = 0; i < 9; i++) {
                int at = i;
                String cell = Html.cell(gameForm, SQUARES[i])
                        .orElseThrow(() -> unexpected("no square " + SQUARES[at] + " " + when, gameForm));
                String shown = unescape(attribute(cell, "value"));
                String expected = board[i] == null ? "" : board[i];
                if (!shown.equals(expected)) {
                    throw unexpected(SQUARES[i] + " shows \"" + shown + "\" instead of \"" + expected + "\" " + when,
                            gameForm);
                }
            }
        }

        // ---- HTTP ----

        private HttpResponse<String> get(String path) throws Unexpected {
            lastRequest = "";
            URI address = root.resolve(path);
            return send(HttpRequest.newBuilder(address).GET(), "GET " + address.getRawPath()
                    + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()));
        }

        private HttpResponse<String> post(String path, Map<String, String> form, boolean ajax) throws Unexpected {
            HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
            if (ajax) {
                request.header("Faces-Request", "partial/ajax");
            }
            lastRequest = form.toString();
            return send(request, (ajax ? "AJAX " : "POST ") + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String what) throws Unexpected {
            requests.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failedByStatus.computeIfAbsent("no answer to " + what.split(" ")[0], kind -> new AtomicInteger()).incrementAndGet();
                throw new Unexpected(what + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unexpected(what + ": interrupted");
            }
            int status = response.statusCode();
            if (status != 200 && status != 302) {
                failedByStatus.computeIfAbsent(status + " to " + what.split(" ")[0], kind -> new AtomicInteger()).incrementAndGet();
                throw unexpected(what + " answered " + status, response);
            }
            return response;
        }

        /** A redirect followed as a browser does; then the page loaded. */
        private void follow(HttpResponse<String> response, String what) throws Unexpected {
            HttpResponse<String> current = response;
            for (int hops = 0; current.statusCode() == 302; hops++) {
                String location = current.headers().firstValue("Location").orElse("");
                if (hops == 3 || location.contains("error") || location.contains("signin")) {
                    throw unexpected(what + " redirected to " + location, current);
                }
                current = send(HttpRequest.newBuilder(current.uri().resolve(location)).GET(), "GET " + location);
            }
            load(current, what);
        }

        /** A whole page: must be 200 HTML with this player signed in. */
        private void load(HttpResponse<String> response, String what) throws Unexpected {
            if (response.statusCode() != 200 || !response.body().contains("<html")) {
                throw unexpected(what + ": no page", response);
            }
            page = response.body();
            gameForm = page.contains("<form id=\"game\"") ? formHtml(page, "game") : "";
            messages = section(page, "<div id=\"messages\"");
            viewState = hiddenFields(gameForm).get(VIEW_STATE);
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

        private Unexpected unexpected(String what, Object context) {
            String text;
            if (context instanceof HttpResponse<?> response) {
                text = response.statusCode() + " " + response.uri() + " "
                        + response.headers().firstValue("Location").map(location -> "-> " + location + " ").orElse("")
                        + String.valueOf(response.body());
            } else {
                text = String.valueOf(context);
            }
            if (firstFailure.compareAndSet(false, true)) {
                try {
                    Files.writeString(FIRST_FAILURE,
                            what + "\n\nrequest: " + lastRequest + "\n\n" + text);
                } catch (IOException e) {
                    // only a help for reading the failure
                }
            }
            text = text.replaceAll("\\s+", " ");
            return new Unexpected(name + ": " + what + " [" + text.substring(0, Math.min(200, text.length())) + "]");
        }
    }

    // ---- HTML ---------------------------------------------------------------------------------

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

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
