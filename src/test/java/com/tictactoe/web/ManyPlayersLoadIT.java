package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.PagePlayer;
import com.tictactoe.testsupport.StoredGames;
import com.tictactoe.testsupport.WholeGames;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * requests faces.js sends, each player signed in once with its own cookie session and holding its
 * page's push websocket. After each acknowledged move the opponent's page waits for the push and
 * shows the move from it, as app.js does, and so the start and the end, and the guest's lobby the
 * invitation. Every answer must be what a browser expects (no 403 from the sign-in
 * mechanism, no error page, no Faces error), and every game must end FINISHED in DynamoDB with
 * exactly the moves the players saw acknowledged.
 *
 * <p>Sized by system properties: {@code load.pairs} (16), {@code load.gamesPerPair} (2) and
 * {@code load.maxSeconds} (120, after which no pair starts another game).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ManyPlayersLoadIT {

    private static final String PASSWORD = "s3cret-enough";
    private static final String[] SQUARES = PagePlayer.SQUARES;
    /** The first unexpected answer in full, with the request that got it. */
    private static final Path FIRST_FAILURE = Path.of("target", "ManyPlayersLoadIT-first-failure.txt");

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

    @Test
    void manyPairsPlayWholeGamesAtOnce() throws Exception {
        int pairs = Integer.getInteger("load.pairs", 16);
        int gamesPerPair = Integer.getInteger("load.gamesPerPair", 2);
        long maxSeconds = Long.getLong("load.maxSeconds", 120);
        String run = UUID.randomUUID().toString().substring(0, 4);
        Files.deleteIfExists(FIRST_FAILURE);

        ExecutorService pool = Executors.newFixedThreadPool(pairs);
        HttpClient http = PagePlayer.newHttpClient();
        CountDownLatch signedUp = new CountDownLatch(pairs);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong deadline = new AtomicLong();
        for (int p = 0; p < pairs; p++) {
            int pair = p;
            pool.submit(() -> {
                PagePlayer host = player(http, String.format("ld%sh%02d", run, pair));
                PagePlayer guest = player(http, String.format("ld%sg%02d", run, pair));
                boolean ready = false;
                try {
                    host.signUpAndIn();
                    guest.signUpAndIn();
                    ready = true;
                } catch (PagePlayer.Unexpected | RuntimeException e) {
                    record("pair " + pair + " could not sign up: " + e.getMessage());
                } finally {
                    signedUp.countDown();
                }
                if (!ready) {
                    return null;
                }
                go.await();
                try {
                    for (int g = 0; g < gamesPerPair && System.nanoTime() < deadline.get(); g++) {
                        playOneGame(host, guest, pair * gamesPerPair + g);
                    }
                } finally {
                    host.stopListening();
                    guest.stopListening();
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

        long finishedGames =
                games.stream().filter(game -> game.abandonedAt == null).count();
        System.out.printf(
                "%n==== ManyPlayersLoadIT ====%n"
                        + "pairs %d, games started %d, games played to the end %d, acknowledged moves %d, requests %d%n"
                        + "failed requests (unexpected answers) %d %s, broken games %d%n"
                        + "elapsed %.1f s, %.2f games/s, %.1f moves/s, %.1f requests/s%n"
                        + "move latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n"
                        + "re-renderings %d (%.2f per game; pages show what is pushed without one), latency ms: p50 %.1f, p90 %.1f, p99 %.1f%n",
                pairs,
                games.size(),
                finishedGames,
                acknowledgedMoves.get(),
                requests.get(),
                failures.size(),
                new TreeMap<>(failedByStatus),
                broken.size(),
                elapsed,
                finishedGames / elapsed,
                acknowledgedMoves.get() / elapsed,
                requests.get() / elapsed,
                percentile(moveNanos, 50),
                percentile(moveNanos, 90),
                percentile(moveNanos, 99),
                percentile(moveNanos, 100),
                refreshNanos.size(),
                refreshNanos.size() / (double) Math.max(1, games.size()),
                percentile(refreshNanos, 50),
                percentile(refreshNanos, 90),
                percentile(refreshNanos, 99));
        failures.stream().limit(20).forEach(failure -> System.out.println("  failed: " + failure));
        broken.stream().limit(20).forEach(game -> System.out.println("  broken: " + game));

        assertEquals(
                List.of(),
                failures.stream().limit(10).toList(),
                failures.size() + " requests got an answer no browser expects");
        assertEquals(
                List.of(),
                broken.stream().limit(10).toList(),
                broken.size() + " games are not as the players saw them");
        assertTrue(
                refreshNanos.size() <= games.size() / 10,
                refreshNanos.size() + " re-renderings in " + games.size()
                        + " games: the invitation, the start, the moves and the end reach the lobby and the game pages"
                        + " by push alone (a lobby re-renders for a push of its player's previous game arriving late)");
        assertTrue(
                pairs >= 16 && finishedGames >= 200 || pairs * gamesPerPair < 200,
                "at least 200 games at 16 pairs, but " + finishedGames + " games at " + pairs + " pairs");
        assertEquals((long) pairs * gamesPerPair, finishedGames, "every planned game was played within the time cap");
    }

    // ---- one game ---------------------------------------------------------------------------

    private void playOneGame(PagePlayer host, PagePlayer guest, int number) {
        int[] script = WholeGames.script(number);
        GameRecord[] game = new GameRecord[1];
        try {
            WholeGames.play(host, guest, script, new WholeGames.Progress() {
                @Override
                public void invited(String gameId) {
                    game[0] = new GameRecord(gameId, host.name, guest.name, script);
                    games.add(game[0]);
                }

                @Override
                public void acknowledged(int square) {
                    game[0].acknowledged.add(square);
                    acknowledgedMoves.incrementAndGet();
                }
            });
        } catch (PagePlayer.Unexpected | RuntimeException e) {
            String problem = e instanceof PagePlayer.Unexpected ? e.getMessage() : "the test itself failed: " + e;
            record("game " + number + (game[0] == null ? "" : " (" + game[0].gameId + ")") + " between " + host.name
                    + " and " + guest.name + ": " + problem);
            if (game[0] != null) {
                game[0].abandonedAt = problem;
            }
        } finally {
            lastGameEnded.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    // ---- DynamoDB ---------------------------------------------------------------------------

    /** Reads every game back: finished, exactly the acknowledged squares, the right result. */
    private List<String> checkEveryGameInDynamoDb() {
        List<String> broken = new ArrayList<>();
        try (StoredGames stored = StoredGames.open()) {
            for (GameRecord game : games) {
                Optional<String> problem = problem(game, stored.get(game.gameId));
                problem.ifPresent(
                        text -> broken.add(game.gameId + " " + game.host + " vs " + game.guest + ": " + text));
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
        String statusDate =
                item.get("StatusDate") == null ? null : item.get("StatusDate").s();
        if (statusDate == null || !statusDate.startsWith("FINISHED_")) {
            problems.add("StatusDate " + statusDate);
        }
        if (!game.host.equals(s(item, "HostId"))
                || !game.guest.equals(s(item, "OpponentId"))
                || !game.host.equals(s(item, "OUser"))) {
            problems.add("players " + s(item, "HostId") + "/" + s(item, "OpponentId") + "/" + s(item, "OUser"));
        }
        if (game.abandonedAt == null) {
            String[] board = new String[9];
            for (int i = 0; i < game.script.length; i++) {
                board[game.script[i]] = i % 2 == 0 ? "O" : "X";
            }
            String winner = WholeGames.winner(board);
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

    /** A player of this run: its requests counted and timed, its first unexpected answer written down. */
    private PagePlayer player(HttpClient http, String name) {
        return new PagePlayer(http, URI.create(base.toString()), name, PASSWORD, new PagePlayer.Traffic() {
            @Override
            public void answered(PagePlayer.Request kind, long nanos) {
                requests.incrementAndGet();
                if (kind == PagePlayer.Request.MOVE) {
                    moveNanos.add(nanos);
                } else if (kind == PagePlayer.Request.REFRESH) {
                    refreshNanos.add(nanos);
                }
            }

            @Override
            public void failed(String kind) {
                requests.incrementAndGet();
                failedByStatus.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void unexpected(String what, String request, String answer) {
                if (firstFailure.compareAndSet(false, true)) {
                    try {
                        Files.writeString(FIRST_FAILURE, what + "\n\nrequest: " + request + "\n\n" + answer);
                    } catch (IOException e) {
                        // only a help for reading the failure
                    }
                }
            }
        });
    }
}
