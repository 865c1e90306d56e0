package com.tictactoe.benchmark;

import com.tictactoe.infrastructure.DynamoDbClients;
import com.tictactoe.infrastructure.DynamoDbSettings;
import com.tictactoe.infrastructure.DynamoGameDao;
import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.run.LocalRun;
import com.tictactoe.run.PayaraMicroProcess;
import com.tictactoe.testsupport.PagePlayer;
import com.tictactoe.testsupport.ServerMetrics;
import com.tictactoe.testsupport.WholeGames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmark ({@code mvn -Pbenchmark verify}): the app on Payara Micro, started as the local run
 * starts it, on a fresh DynamoDB Local; players without a browser ({@link PagePlayer}) load the
 * lobby, play whole games and watch one; every figure is printed next to DynamoDB Local's own limit,
 * measured in the same run.
 *
 * <p>Scenarios: {@code lobby}, {@code games} and {@code watching} by default, and on request
 * {@code hostile}: {@value #HOSTILE_PLAYERS} signed-in players load their lobby in a closed loop,
 * first alone, then for as long again while {@code bench.flood} (16) connections without cookies
 * ask for every page a visitor can open as fast as they are answered ({@link AnonymousFlood}) and
 * {@code bench.slow} (20) clients post the sign-in form a few bytes at a time ({@link SlowClients});
 * it prints the players' pages/s and latency of both phases side by side, the attack's own figures
 * and the sessions the server created meanwhile ({@link AttackReport}).
 *
 * <p>Arguments: the WAR, the Payara Micro jar, the pre-boot command file. System properties:
 * {@code bench.scenarios} (lobby,games,watching; or any of them and hostile and crowd,
 * comma-separated), {@code bench.warmup} and {@code bench.seconds}
 * (seconds of warm-up and of each measured phase), {@code bench.watchers} (1000),
 * {@code bench.crowd} (10000: players connected at once in the crowd scenario), {@code bench.flood}
 * and {@code bench.slow} (the hostile scenario's flooding connections and slow clients),
 * {@code bench.rerender} (true: watchers show each push on their board, as app.js does),
 * {@code bench.payara.options} (more JVM options for the server, e.g. a flight recording),
 * {@code bench.out} (the folder for DynamoDB Local's data and the server's log).
 */
public final class Benchmark {

    private static final String PASSWORD = "bench-s3cret-enough";
    private static final String GAMES_TABLE = "Games";
    private static final int LOBBY_PLAYERS = 32;
    private static final int[] PAIRS = {1, 4, 16};
    /**
     * Accounts for the watchers, each watcher a browser (a session) of its own: at most as many
     * per account as a player may have sessions on a server, or each new one would sign the oldest
     * out and the signed-out pages would sign in again, around and around.
     */
    private static final int WATCHER_ACCOUNTS = 100;

    private static final Set<String> KNOWN_SCENARIOS = Set.of("lobby", "games", "watching", "hostile", "crowd");
    /** Pairs playing whole games while the crowd is connected. */
    private static final int CROWD_PAIRS = 4;
    /** Few enough players that the attack, not the players themselves, is what loads the server. */
    static final int HOSTILE_PLAYERS = 8;

    private final int floodConnections = Integer.getInteger("bench.flood", 16);
    private final int slowClients = Integer.getInteger("bench.slow", 20);
    /** Every page a visitor without an account can open, some only to be redirected, refused or not found. */
    private static final List<String> VISITOR_PAGES = List.of(
            "/signin.xhtml",
            "/signup.xhtml",
            "/signin.xhtml?to=%2Fgame.xhtml%3Fid%3Dabc",
            "/",
            "/game.xhtml?id=abc",
            "/error",
            "/not-found",
            "/api/me/changes",
            "/assets/app.css");
    /** The port of the server's metrics listener (deploy/payara-preboot.asadmin): a free one, not the default. */
    private static final String METRICS_PORT = "tictactoe.metrics.port";

    private final Path out;
    private final double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "60"));
    private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "15"));
    private final int watcherCount = Integer.getInteger("bench.watchers", 1000);
    private final int crowdSize = Integer.getInteger("bench.crowd", 10_000);
    private final boolean rerender = Boolean.parseBoolean(System.getProperty("bench.rerender", "true"));
    private final Set<String> scenarios = Set.of(System.getProperty("bench.scenarios", "lobby,games,watching")
            .replace(" ", "")
            .split(","));
    /** A run of its own: names differ between runs on a kept database. */
    private final String run = UUID.randomUUID().toString().substring(0, 4);

    private final HttpClient http = PagePlayer.newHttpClient();
    private final List<Row> rows = new ArrayList<>();
    private AttackReport attack;

    private URI base;
    private AppProcess app;
    private AppDynamoDbCalls calls;
    private boolean countsCalls;
    private double idleCpuMillisPerSecond = Double.NaN;
    /** What a DynamoDB call cost the machine's CPU in the last tight loop (8 threads), server and client. */
    private double rawCpuMsPerCall = Double.NaN;

    private Benchmark(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Path preboot = Path.of(args[2]);
        Path out = Path.of(System.getProperty("bench.out", "target/benchmark"));
        try {
            new Benchmark(out).run(war, payaraJar, preboot);
        } catch (Exception | Error failed) {
            // the players' threads would keep this JVM, and the build, waiting forever
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(Path war, Path payaraJar, Path preboot) throws Exception {
        long started = System.nanoTime();
        // a misspelt scenario would otherwise pass unnoticed, after minutes of starting and seeding
        Set<String> unknown =
                scenarios.stream().filter(s -> !KNOWN_SCENARIOS.contains(s)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown scenarios " + unknown + "; known: " + KNOWN_SCENARIOS);
        }
        Path data = out.resolve("dynamodb");
        deleteTree(data);
        Files.createDirectories(data);
        int port = DynamoDbLocal.freePort();
        int metricsPort = DynamoDbLocal.freePort();
        List<String> payaraOptions = Stream.concat(
                        Stream.of("-D" + METRICS_PORT + "=" + metricsPort),
                        Arrays.stream(System.getProperty("bench.payara.options", "")
                                .trim()
                                .split("\\s+")))
                .filter(option -> !option.isEmpty())
                .toList();
        Path log = out.resolve("payara.log");
        Files.deleteIfExists(log);
        say(
                "Starting DynamoDB Local (data in %s) and Payara Micro (-Xmx%s%s, log in %s) on port %d ...",
                data,
                LocalRun.MAX_HEAP,
                payaraOptions.isEmpty() ? "" : " " + String.join(" ", payaraOptions),
                log,
                port);
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(DynamoDbLocal.freePort(), data);
                PayaraMicroProcess payara = new PayaraMicroProcess(
                        payaraJar,
                        war,
                        port,
                        dynamo.endpoint(),
                        preboot,
                        LocalRun.MAX_HEAP,
                        payaraOptions,
                        ProcessBuilder.Redirect.appendTo(log.toFile()))) {
            payara.start();
            base = payara.base();
            app = new AppProcess(payara.pid());
            List<URI> metrics =
                    List.of(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"), base.resolve("/metrics"));
            calls = new AppDynamoDbCalls(metrics);
            say(
                    "Serving at %s (pid %d, RSS %d MB) after %.0f s",
                    base, app.pid(), app.rssKb() / 1024, (System.nanoTime() - started) / 1e9);
            try (DynamoDbClient client = DynamoDbClients.create(new DynamoDbSettings(
                    Optional.of(URI.create(dynamo.endpoint())), Optional.empty(), GAMES_TABLE, "Users", false))) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    scenarios(client, pool);
                } finally {
                    pool.shutdownNow();
                    app.close();
                }
            }
        }
        printTable((System.nanoTime() - started) / 1e9);
    }

    private void scenarios(DynamoDbClient client, ExecutorService pool) throws Exception {
        DynamoGameDao games = new DynamoGameDao(client, GAMES_TABLE, "Records", pool);
        List<PagePlayer> lobbyPlayers = signUp("lb", LOBBY_PLAYERS, Tally.ignoring(), pool);
        // The app's counters appear with its first DynamoDB calls, which the sign-ups just made.
        countsCalls = calls.snapshot().isPresent();
        say(
                "DynamoDB calls counted by the app: %s",
                countsCalls
                        ? "yes (" + calls.source().orElseThrow() + ")"
                        : "NO: no DynamoDB counters at " + calls.sources() + "; calls per action are not shown");
        say(
                "Seeding %d lobbies: %d invitations, %d games in progress and %d finished games each ...",
                LOBBY_PLAYERS, LobbySeed.PER_LIST, LobbySeed.PER_LIST, LobbySeed.PER_LIST);
        String aFinishedGame =
                LobbySeed.write(games, lobbyPlayers.stream().map(p -> p.name).toList(), pool);

        double idleStart = app.cpuSeconds();
        Thread.sleep(3000);
        idleCpuMillisPerSecond = (app.cpuSeconds() - idleStart) * 1000 / 3;
        say(
                "The app idle, after seeding: %.0f ms CPU per second (a share of every phase's CPU, more so at low rates)",
                idleCpuMillisPerSecond);

        measureDynamoDb(client, aFinishedGame, lobbyPlayers.get(0).name, "");

        if (scenarios.contains("lobby")) {
            lobby(lobbyPlayers);
        }
        if (scenarios.contains("games")) {
            games(pool);
        }
        if (scenarios.contains("watching")) {
            watching(pool);
        }
        if (scenarios.contains("hostile")) {
            hostile(lobbyPlayers.subList(0, HOSTILE_PLAYERS));
        }
        if (scenarios.contains("crowd")) {
            crowd(client, pool);
        }
        measureDynamoDb(client, aFinishedGame, lobbyPlayers.get(0).name, ", again at the end");
    }

    /** DynamoDB Local alone, at 2 client threads (as the first figures were taken) and at 8. */
    private void measureDynamoDb(DynamoDbClient client, String gameId, String hostId, String when)
            throws InterruptedException {
        for (int threads : new int[] {2, 8}) {
            RawDynamoDb.Rates rates =
                    RawDynamoDb.measure(client, GAMES_TABLE, gameId, hostId, "bench-raw-" + run, threads, 3);
            say("DynamoDB Local alone%s, %s", when, rates.summary());
            rows.add(Row.raw(rates));
            rawCpuMsPerCall = rates.cpuMsPerCall();
        }
    }

    // ---- lobby -----------------------------------------------------------------------------------

    private void lobby(List<PagePlayer> players) throws Exception {
        awaitSeededLobbies(players);
        // Both loads, as the JIT compiler picks other methods under load than with cores to spare
        say(
                "Lobby: warming up, %d players at once for %.0f s, then 1 for %.0f s ...",
                players.size(), warmupSeconds, warmupSeconds / 2);
        loadLobbies(players, players.size(), warmupSeconds, Tally.ignoring());
        loadLobbies(players, 1, warmupSeconds / 2, Tally.ignoring());
        awaitQuietCompiler();
        for (int concurrent : new int[] {1, players.size()}) {
            measureLobbies(players, concurrent, "lobby, " + concurrent + (concurrent == 1 ? " player" : " at once"));
        }
    }

    /**
     * The seed was written behind the app's back, after the players' first lobby: the app shows
     * it once it reads their lobbies again (past their maximum age, in the background).
     */
    private static void awaitSeededLobbies(List<PagePlayer> players) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (PagePlayer player : players) {
            int rows;
            while ((rows = count(withoutTemplates(player.openLobby().page()), "class=\"game-row"))
                    != 3 * LobbySeed.PER_LIST) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            player.name + "'s lobby shows " + rows + " games, not " + 3 * LobbySeed.PER_LIST);
                }
                Thread.sleep(100);
            }
        }
    }

    /** One measured phase of {@code concurrent} players loading their lobbies, added to the results. */
    private Row measureLobbies(List<PagePlayer> players, int concurrent, String name) throws Exception {
        Tally tally = new Tally();
        Phase phase = begin();
        int pages = loadLobbies(players, concurrent, seconds, tally);
        Row row = phase.end(name, tally, pages, "page");
        rows.add(row);
        say("%s", row.detail());
        return row;
    }

    /** Players load their lobby over and over, {@code concurrent} at once, each right after the last; pages loaded. */
    private int loadLobbies(List<PagePlayer> players, int concurrent, double forSeconds, Tally tally) throws Exception {
        AtomicInteger pages = new AtomicInteger();
        List<PagePlayer> measured = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            measured.add(withTally(players.get(i), tally));
        }
        closedLoop(concurrent, forSeconds, i -> {
            measured.get(i).openLobby();
            pages.incrementAndGet();
        });
        return pages.get();
    }

    /**
     * Under load on two cores the JIT compiler's threads get a small share of the CPU, and HotSpot
     * raises its thresholds while its queue is long: compiled code lags the warm-up, and the compiler
     * catches up in whichever phase comes next, at several milliseconds of CPU per request. A server
     * that has run for a while has its hot code compiled: after warming up (at high and at low load),
     * the measured phases start once the compiler has been idle (under 5% of a core) for two seconds
     * in a row, or after a minute. The figures say how much the compiler still used.
     */
    private void awaitQuietCompiler() throws InterruptedException {
        long start = System.nanoTime();
        int quietSeconds = 0;
        double last = app.compilerCpuSeconds();
        while (quietSeconds < 2 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(1000);
            double now = app.compilerCpuSeconds();
            quietSeconds = Double.isNaN(now) || now - last < 0.05 ? quietSeconds + 1 : 0;
            last = now;
        }
        say("JIT compiler quiet after %.0f s", (System.nanoTime() - start) / 1e9);
    }

    // ---- whole games -------------------------------------------------------------------------------

    private void games(ExecutorService pool) throws Exception {
        int most = Arrays.stream(PAIRS).max().orElseThrow();
        // Each full page with its own socket and catch-up poll, as browsers load them.
        List<PagePlayer> players = signUp("gm", 2 * most, Tally.ignoring(), pool).stream()
                .map(PagePlayer::withSocketPerPage)
                .toList();
        AtomicInteger gameNumber = new AtomicInteger();
        // At the most pairs first: after a warm-up at 4, the JIT compiler was still busy through the
        // 16-pair phase (its threads' CPU, from /proc), compiling code that only that load made hot.
        say(
                "Whole games: warming up, %d pairs for %.0f s, then 1 for %.0f s ...",
                most, warmupSeconds / 2, warmupSeconds / 2);
        playGames(players, most, warmupSeconds / 2, Tally.ignoring(), gameNumber, new AtomicInteger());
        playGames(players, 1, warmupSeconds / 2, Tally.ignoring(), gameNumber, new AtomicInteger());
        awaitQuietCompiler();
        for (int pairs : PAIRS) {
            Tally tally = new Tally();
            AtomicInteger moves = new AtomicInteger();
            Phase phase = begin();
            int played = playGames(players, pairs, seconds, tally, gameNumber, moves);
            Row row = phase.end("games, " + pairs + (pairs == 1 ? " pair" : " pairs"), tally, played, "game");
            double requestsPerGame = row.requests / (double) Math.max(1, played);
            row.extra = String.format(
                    "%.1f games/s, %d moves, move %s; %.1f requests a game (%s), app CPU %.1f ms a game"
                            + " (%.1f without the JIT compiler)",
                    played / row.seconds,
                    moves.get(),
                    tally.of(PagePlayer.Request.MOVE).summary(),
                    requestsPerGame,
                    tally.countsPerAction(played),
                    row.cpuMsPerRequest * requestsPerGame,
                    (row.cpuMsPerRequest - row.compilerMsPerRequest) * requestsPerGame);
            row.boundedByDatabase = true;
            row.moveP99 = tally.of(PagePlayer.Request.MOVE).millis(99);
            rows.add(row);
            say("%s", row.detail());
        }
    }

    /**
     * The games/s that DynamoDB Local alone would allow on this machine's cores: a game's calls at
     * what a call cost in the last tight loop (the warmest), were the app and the players free.
     */
    private String databaseBound(Row row) {
        if (row.calls == null || row.actions == 0 || Double.isNaN(rawCpuMsPerCall)) {
            return "";
        }
        double callsPerGame =
                row.calls.values().stream().mapToLong(Long::longValue).sum() / (double) row.actions;
        double cpuMsPerGame = callsPerGame * rawCpuMsPerCall;
        return String.format(
                "; DynamoDB Local alone: %.1f calls per game at %.2f ms CPU each = %.1f ms per game,"
                        + " at most %.0f games/s on %d cores",
                callsPerGame,
                rawCpuMsPerCall,
                cpuMsPerGame,
                Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerGame,
                Runtime.getRuntime().availableProcessors());
    }

    /** Pairs play whole games, each pair one after another until the time is up; games played to the end. */
    private int playGames(
            List<PagePlayer> players,
            int pairs,
            double forSeconds,
            Tally tally,
            AtomicInteger gameNumber,
            AtomicInteger moves)
            throws Exception {
        AtomicInteger played = new AtomicInteger();
        List<PagePlayer> measured = players.subList(0, 2 * pairs).stream()
                .map(p -> withTally(p, tally))
                .toList();
        closedLoop(pairs, forSeconds, pair -> {
            WholeGames.play(
                    measured.get(2 * pair),
                    measured.get(2 * pair + 1),
                    WholeGames.script(gameNumber.getAndIncrement()),
                    new WholeGames.Progress() {
                        @Override
                        public void invited(String gameId) {}

                        @Override
                        public void acknowledged(int square) {
                            moves.incrementAndGet();
                        }
                    });
            played.incrementAndGet();
        });
        return played.get();
    }

    // ---- watching ----------------------------------------------------------------------------------

    private void watching(ExecutorService pool) throws Exception {
        List<PagePlayer> pair = signUp("wp", 2, Tally.ignoring(), pool);
        List<PagePlayer> accounts = signUp("wa", WATCHER_ACCOUNTS, Tally.ignoring(), pool);
        Tally tally = Tally.ignoring();
        PagePlayer host = withTally(pair.get(0), tally);
        PagePlayer guest = withTally(pair.get(1), tally);
        String gameId = startWatchedGame(host, guest);

        Tally opening = new Tally();
        long openStart = System.nanoTime();
        try (Watchers watchers = new Watchers(http, base, gameId, rerender, opening)) {
            say(
                    "Watching: opening %d game pages and their websockets (%d accounts, a session each) ...",
                    watcherCount, WATCHER_ACCOUNTS);
            watchers.open(
                    watcherCount,
                    accounts.stream().map(p -> p.name).toList(),
                    accounts.stream().map(PagePlayer::signInToken).toList(),
                    16);
            say(
                    "  %d pages open in %.1f s (%d requests, %s), app RSS %d MB",
                    watchers.size(),
                    (System.nanoTime() - openStart) / 1e9,
                    opening.answered(),
                    opening.all().summary(),
                    app.rssKb() / 1024);
            Phase phase = begin();
            tally.start();
            watchers.recordTo(tally);
            int late = playWatchedGame(host, guest, watchers);
            Row row = phase.end("watching, " + watchers.size() + " pages", tally, WATCHED_MOVES, "move");
            row.extra = watchedFigures(tally, watchers, late);
            row.moveP99 = watchers.pushLatency().millis(99);
            rows.add(row);
            say("%s", row.detail());
        }
    }

    /** The host invites the guest and the guest accepts, both listening on their push websocket; the game's id. */
    private static String startWatchedGame(PagePlayer host, PagePlayer guest) throws PagePlayer.Unexpected {
        host.openLobby().listen();
        guest.listen();
        String gameId = host.invite(guest.name);
        guest.openGame(gameId, "invites you to a game");
        guest.accept(host.name);
        host.openGame(gameId, "Your turn");
        guest.openGame(gameId, "Waiting for " + host.name);
        return gameId;
    }

    private static final int[] WATCHED_GAME = WholeGames.script(2); // a draw
    private static final int WATCHED_MOVES = WATCHED_GAME.length;

    /**
     * The watched game played to its end, a move a second, each awaited by the opponent and every
     * watcher; the moves that not every watcher heard of within 30 s.
     */
    private static int playWatchedGame(PagePlayer host, PagePlayer guest, Watchers watchers)
            throws PagePlayer.Unexpected, InterruptedException {
        String[] board = new String[9];
        int late = 0;
        for (int move = 0; move < WATCHED_MOVES; move++) {
            PagePlayer mover = move % 2 == 0 ? host : guest;
            PagePlayer other = move % 2 == 0 ? guest : host;
            board[WATCHED_GAME[move]] = move % 2 == 0 ? "O" : "X";
            boolean last = move == WATCHED_MOVES - 1;
            watchers.expect(move + 1, System.nanoTime());
            mover.move(WATCHED_GAME[move], board, last ? null : "Waiting for " + other.name);
            other.awaitPush(board, last ? null : "Your turn");
            if (!watchers.awaitAll(30_000)) {
                late++;
            }
            Thread.sleep(1000);
        }
        return late;
    }

    private String watchedFigures(Tally tally, Watchers watchers, int late) {
        return String.format(
                "the mover's click answered %s; push to watchers %s; board shown %s;"
                        + " %d moves not seen by all within 30 s, %d boards not shown right",
                tally.of(PagePlayer.Request.MOVE).summary(),
                watchers.pushLatency().summary(),
                rerender ? watchers.boardLatency().summary() : "(off)",
                late,
                watchers.failedRerenders());
    }

    // ---- a crowd connected ----------------------------------------------------------------------------

    /**
     * {@code bench.crowd} players signed in at once, each holding a page and its push websocket: one
     * game's page for {@code bench.watchers} of them, their lobby for the others. Then that game is
     * played while {@link #CROWD_PAIRS} pairs play whole games. What the crowd costs the server (heap
     * after a full collection, resident memory, open files, threads), and how fast a move reaches
     * the game's watchers among them.
     */
    private void crowd(DynamoDbClient client, ExecutorService pool) throws Exception {
        int watching = Math.min(watcherCount, crowdSize);
        long seeding = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<CrowdSeed.Member> members;
        try {
            members = CrowdSeed.write(client, "Users", "cr" + run, crowdSize, writers);
        } finally {
            writers.shutdown();
        }
        say(
                "Crowd: %d accounts with a sign-in each written to DynamoDB in %.0f s",
                crowdSize, (System.nanoTime() - seeding) / 1e9);
        List<String> names = members.stream().map(CrowdSeed.Member::name).toList();
        List<String> tokens = members.stream().map(CrowdSeed.Member::token).toList();
        List<PagePlayer> pair = signUp("cp", 2, Tally.ignoring(), pool);
        List<PagePlayer> gamers = signUp("cg", 2 * CROWD_PAIRS, Tally.ignoring(), pool);
        Tally tally = Tally.ignoring();
        PagePlayer host = withTally(pair.get(0), tally);
        PagePlayer guest = withTally(pair.get(1), tally);
        String gameId = startWatchedGame(host, guest);
        AtomicInteger gameNumber = new AtomicInteger();
        say("Crowd: %d pairs play whole games for %.0f s to warm up ...", CROWD_PAIRS, warmupSeconds / 2);
        playGames(gamers, CROWD_PAIRS, warmupSeconds / 2, Tally.ignoring(), gameNumber, new AtomicInteger());

        Footprint alone = footprint();
        app.writeHistogram(out.resolve("crowd-heap-before.txt"));
        say("  before the crowd: %s", alone);
        Tally opening = new Tally();
        long openStart = System.nanoTime();
        try (Watchers watchers = new Watchers(http, base, gameId, rerender, opening);
                Watchers lobbies = new Watchers(http, base, null, false, opening)) {
            say(
                    "Crowd: %d players open a game's page, %d their lobby, each with its websocket ...",
                    watching, crowdSize - watching);
            watchers.open(watching, names.subList(0, watching), tokens.subList(0, watching), 16);
            lobbies.open(
                    crowdSize - watching, names.subList(watching, crowdSize), tokens.subList(watching, crowdSize), 16);
            say(
                    "  %d pages open in %.1f s (%d requests, %s); %d of them refused a socket (the server held all it"
                            + " may), polling instead",
                    watchers.size() + lobbies.size(),
                    (System.nanoTime() - openStart) / 1e9,
                    opening.answered(),
                    opening.all().summary(),
                    watchers.refusedSockets() + lobbies.refusedSockets());
            Footprint connected = footprint();
            Path histogram = out.resolve("crowd-heap.txt");
            app.writeHistogram(histogram);
            say("  with the crowd: %s (what the heap holds, by class: %s)", connected, histogram);
            String perPlayer = connected.perPlayer(alone, crowdSize);
            say("  each connected player: %s", perPlayer);

            say("Crowd: the watched game is played, a move a second, while %d pairs play whole games ...", CROWD_PAIRS);
            Tally games = new Tally();
            AtomicInteger played = new AtomicInteger();
            AtomicInteger moves = new AtomicInteger();
            Thread background = new Thread(
                    () -> {
                        try {
                            played.set(playGames(gamers, CROWD_PAIRS, WATCHED_MOVES * 1.1, games, gameNumber, moves));
                        } catch (Exception e) {
                            say("Games beside the crowd failed: %s", e);
                        }
                    },
                    "crowd-games");
            Phase phase = begin();
            tally.start();
            watchers.recordTo(tally);
            lobbies.recordTo(tally);
            background.start();
            int late = playWatchedGame(host, guest, watchers);
            background.join();
            Row row = phase.end("crowd, " + crowdSize + " connected", tally, WATCHED_MOVES, "move");
            Footprint playing = footprint();
            row.extra = String.format(
                    "each connected player %s; %s; %s; beside them %d games played (%.1f games/s), move %s",
                    perPlayer,
                    watchedFigures(tally, watchers, late),
                    playing,
                    played.get(),
                    played.get() / row.seconds,
                    games.of(PagePlayer.Request.MOVE).summary());
            row.moveP99 = watchers.pushLatency().millis(99);
            rows.add(row);
            say("%s", row.detail());
        }
    }

    /** What the server holds: heap after a full collection, resident memory, open files, threads. */
    private record Footprint(long heapKb, long rssKb, long files, long threads) {

        String perPlayer(Footprint alone, int players) {
            return String.format(
                    "heap %.1f KB, RSS %.1f KB, %.2f open files, %.3f threads",
                    (heapKb - alone.heapKb) / (double) players,
                    (rssKb - alone.rssKb) / (double) players,
                    (files - alone.files) / (double) players,
                    (threads - alone.threads) / (double) players);
        }

        @Override
        public String toString() {
            return String.format(
                    "heap after a full collection %d MB, RSS %d MB, %d open files, %d threads",
                    heapKb / 1024, rssKb / 1024, files, threads);
        }
    }

    private Footprint footprint() {
        return new Footprint(app.heapAfterFullGcKb(), app.rssKb(), app.openFiles(), app.threads());
    }

    // ---- hostile ------------------------------------------------------------------------------------

    private void hostile(List<PagePlayer> players) throws Exception {
        awaitSeededLobbies(players);
        // The visitors' pages warm up too: a server that has run for a while has them compiled, and
        // compiling them while measured would be charged to the attack.
        say(
                "Hostile: warming up, %d players beside an anonymous flood for %.0f s, then alone for %.0f s ...",
                players.size(), warmupSeconds / 2, warmupSeconds / 2);
        try (AnonymousFlood warmup = AnonymousFlood.start(base, floodConnections, VISITOR_PAGES)) {
            loadLobbies(players, players.size(), warmupSeconds / 2, Tally.ignoring());
        }
        loadLobbies(players, players.size(), warmupSeconds / 2, Tally.ignoring());
        awaitQuietCompiler();
        Row calm = measureLobbies(players, players.size(), "lobby, " + players.size() + " players");

        say(
                "Hostile: the same players while %d connections flood the visitors' pages and %d slow clients post"
                        + " the sign-in form ...",
                floodConnections, slowClients);
        Optional<ServerMetrics> metricsBefore = scrapeMetrics();
        AnonymousFlood flood = AnonymousFlood.start(base, floodConnections, VISITOR_PAGES);
        SlowClients slow = SlowClients.start(base, slowClients, "/signin.xhtml");
        Row attacked;
        try (flood;
                slow) {
            attacked = measureLobbies(players, players.size(), "lobby, " + players.size() + " players under attack");
        }
        Optional<ServerMetrics> metricsAfter = scrapeMetrics();
        AnonymousFlood.Figures flooded = flood.stop();
        // The app's CPU went to the flood's requests as much as to the players' pages
        double allAnswered = attacked.requests + flooded.answered();
        attacked.cpuMsPerRequest = attacked.cpuMsPerRequest * attacked.requests / allAnswered;
        attacked.compilerMsPerRequest = attacked.compilerMsPerRequest * attacked.requests / allAnswered;
        attacked.extra = "app CPU per request counts the flood's answers too; flood " + flooded.summary();
        attack = new AttackReport(calm, attacked, flooded, slow.stop(), metricsBefore, metricsAfter);
        say("Anonymous flood: %s", flooded.summary());
        say("Slow clients: %s", attack.slowClients().summary());
        say("Sessions created during the attack: %s", attack.sessionsCreated());
    }

    /** The server's metrics now, where its DynamoDB counters were found; empty if they could not be read. */
    private Optional<ServerMetrics> scrapeMetrics() {
        URI metrics = calls.source().orElse(calls.sources().get(0));
        try {
            return Optional.of(ServerMetrics.scrape(metrics));
        } catch (RuntimeException e) {
            say("Could not read the metrics at %s: %s", metrics, e);
            return Optional.empty();
        }
    }

    // ---- players -----------------------------------------------------------------------------------

    /** Players signed up (and so signed in) through the sign-up page, a few at a time. */
    private List<PagePlayer> signUp(String prefix, int count, Tally tally, ExecutorService pool) throws Exception {
        List<Future<PagePlayer>> signing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("%s%s%02d", prefix, run, i);
            signing.add(pool.submit(() -> {
                PagePlayer player = new PagePlayer(http, base, name, PASSWORD, tally);
                player.signUpAndIn();
                return player;
            }));
        }
        List<PagePlayer> players = new ArrayList<>();
        for (Future<PagePlayer> each : signing) {
            players.add(each.get());
        }
        return players;
    }

    /** The same browser (cookies, page), its requests recorded by {@code tally}. */
    private PagePlayer withTally(PagePlayer player, Tally tally) {
        return player.recordingTo(tally);
    }

    /** What each worker of a closed loop does, again and again. */
    private interface Work {
        void run(int worker) throws PagePlayer.Unexpected;
    }

    /**
     * {@code workers} threads do their work over and over, each as soon as its last is done, until
     * the time is up; work that fails is counted by the tally and started again.
     */
    private static void closedLoop(int workers, double forSeconds, Work work) throws InterruptedException {
        long end = System.nanoTime() + (long) (forSeconds * 1e9);
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < end) {
                                try {
                                    work.run(worker);
                                } catch (PagePlayer.Unexpected | RuntimeException e) {
                                    // counted by the tally
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "worker-" + w);
            thread.start();
        }
        done.await();
    }

    // ---- measuring -----------------------------------------------------------------------------------

    private Phase begin() {
        return new Phase();
    }

    /** One measured phase: wall time, app CPU, app memory and the app's DynamoDB calls from its start to its end. */
    private final class Phase {
        private final long start = System.nanoTime();
        private final double cpuBefore = app.cpuSeconds();
        private final double compilerCpuBefore = app.compilerCpuSeconds();
        private final Optional<Map<String, Long>> callsBefore = calls.snapshot();

        {
            app.takePeakRssKb();
        }

        Row end(String name, Tally tally, int actions, String action) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = app.cpuSeconds() - cpuBefore;
            Row row = new Row(name);
            row.seconds = elapsed;
            row.requests = tally.answered();
            row.p50 = tally.all().millis(50);
            row.p90 = tally.all().millis(90);
            row.p99 = tally.all().millis(99);
            row.errors = tally.errors();
            row.errorDetail = tally.errorDetail();
            row.cpuMsPerRequest = row.requests == 0 ? Double.NaN : cpu * 1000 / row.requests;
            row.compilerMsPerRequest = row.requests == 0
                    ? Double.NaN
                    : (app.compilerCpuSeconds() - compilerCpuBefore) * 1000 / row.requests;
            row.rssMb = app.rssKb() / 1024;
            row.peakRssMb = app.takePeakRssKb() / 1024;
            row.actions = actions;
            row.action = action;
            row.calls = countsCalls ? AppDynamoDbCalls.between(callsBefore, calls.snapshot()) : null;
            return row;
        }
    }

    /** One line of the results. */
    static final class Row {
        final String name;
        double seconds;
        int requests;
        double p50;
        double p90;
        double p99;
        int errors;
        String errorDetail = "";
        double cpuMsPerRequest = Double.NaN;
        /** The part of cpuMsPerRequest that the JIT compiler used. */
        double compilerMsPerRequest = Double.NaN;

        long rssMb = -1;
        long peakRssMb = -1;
        int actions;
        String action = "";
        /** DynamoDB calls by operation during the phase; null if the app does not count them. */
        Map<String, Long> calls;

        String extra = "";
        /** Whether to print what DynamoDB Local alone would allow of its actions. */
        boolean boundedByDatabase;

        double moveP99 = Double.NaN;
        RawDynamoDb.Rates raw;

        Row(String name) {
            this.name = name;
        }

        static Row raw(RawDynamoDb.Rates rates) {
            Row row = new Row("DynamoDB Local alone");
            row.raw = rates;
            return row;
        }

        String callsPerAction() {
            if (calls == null) {
                return "n/a";
            }
            if (actions == 0) {
                return "-";
            }
            if (calls.isEmpty()) {
                return "none";
            }
            return calls.entrySet().stream()
                    .map(call -> String.format("%s %s", trim(call.getValue() / (double) actions), call.getKey()))
                    .collect(Collectors.joining(", "));
        }

        String readsPerSecond() {
            if (calls == null) {
                return "n/a";
            }
            long reads = calls.entrySet().stream()
                    .filter(call -> Stream.of("Get", "Query", "Scan").anyMatch(call.getKey()::contains))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return String.format("%.1f", reads / seconds);
        }

        String detail() {
            if (raw != null) {
                return name + ", " + raw.summary();
            }
            return String.format(
                    "%s: %d %ss in %.1f s, %d requests, %.1f requests/s, %s; errors %d%s%n"
                            + "    DynamoDB calls per %s: %s (reads/s %s); app CPU %.2f ms per request (JIT compiler %.2f); app RSS %d MB"
                            + " (peak %d MB)%s",
                    name,
                    actions,
                    action,
                    seconds,
                    requests,
                    requests / seconds,
                    "p50 " + Latencies.ms(p50) + ", p90 " + Latencies.ms(p90) + ", p99 " + Latencies.ms(p99) + " ms",
                    errors,
                    errors == 0 ? "" : " (" + errorDetail + ")",
                    action,
                    callsPerAction(),
                    readsPerSecond(),
                    cpuMsPerRequest,
                    compilerMsPerRequest,
                    rssMb,
                    peakRssMb,
                    extra.isEmpty() ? "" : "\n    " + extra);
        }

        private static String trim(double value) {
            return value == Math.rint(value)
                    ? String.valueOf((long) value)
                    : String.format(value < 0.1 ? "%.3f" : "%.2f", value);
        }
    }

    private void printTable(double totalSeconds) {
        System.out.printf(
                "%n==== Benchmark results (%s, %d cores, run took %.0f s) ====%n%n",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                totalSeconds);
        System.out.println("| scenario | requests/s | p50 ms | p90 ms | p99 ms | errors | actions/s "
                + "| DynamoDB calls per action | app CPU ms/request (JIT compiler) | app RSS MB (peak) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            if (row.raw != null) {
                System.out.printf(
                        "| %s | %.0f GetItem/s, %.0f Query/s, %.0f UpdateItem/s (%d client threads)"
                                + " | | | | | | | %.2f per call (with its client) | |%n",
                        row.name,
                        row.raw.getItemPerSecond(),
                        row.raw.queryPerSecond(),
                        row.raw.updateItemPerSecond(),
                        row.raw.threads(),
                        row.raw.cpuMsPerCall());
                continue;
            }
            System.out.printf(
                    "| %s | %.1f | %s | %s | %s | %d | %.1f %s/s | %s | %.2f (%.2f) | %d (%d) |%n",
                    row.name,
                    row.requests / row.seconds,
                    Latencies.ms(row.p50),
                    Latencies.ms(row.p90),
                    Latencies.ms(row.p99),
                    row.errors,
                    row.actions / row.seconds,
                    row.action,
                    row.callsPerAction(),
                    row.cpuMsPerRequest,
                    row.compilerMsPerRequest,
                    row.rssMb,
                    row.peakRssMb);
        }
        System.out.printf(
                "%nThe app idle used %.0f ms CPU per second; the CPU per request above includes it, and"
                        + " the JIT compiler's, which falls as the server warms up.%n",
                idleCpuMillisPerSecond);
        rows.stream()
                .filter(row -> !row.extra.isEmpty())
                .forEach(row -> System.out.printf(
                        "%s: %s%s%n", row.name, row.extra, row.boundedByDatabase ? databaseBound(row) : ""));
        System.out.println();
        if (attack != null) {
            attack.print();
        }
    }

    // ---- small things --------------------------------------------------------------------------------

    /** A page without its templates' content, which browsers keep inert, off the page. */
    private static String withoutTemplates(String page) {
        return page.replaceAll("(?s)<template\\b.*?</template>", "");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void say(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
