package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.Square;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The server's memory of games: newest state wins, fresh enough answers without a read. */
class KnownGamesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:20:32.123456Z");
    private static final long LONG_AGO = TimeUnit.HOURS.toNanos(1);

    private final KnownGames known = new KnownGames();

    private static Game invitation(String id) {
        return Game.invite(id, "alice", "bob", NOW);
    }

    /** A loader that counts its calls and finds {@code game}. */
    private static final class CountingLoader implements Function<String, Optional<Game>> {
        final AtomicInteger calls = new AtomicInteger();
        volatile Optional<Game> answer;

        CountingLoader(Optional<Game> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<Game> apply(String gameId) {
            calls.incrementAndGet();
            return answer;
        }
    }

    @Test
    void nothingIsKnownAtFirst() {
        assertEquals(Optional.empty(), known.latest("g"));
    }

    @Test
    void aRememberedGameIsTheLatestUntilALaterStateComes() {
        Game pending = invitation("g");
        Game started = pending.accept("bob", NOW);
        Game moved = started.play("alice", Square.TOP_LEFT, NOW);

        known.remember(pending);
        assertEquals(Optional.of(pending), known.latest("g"));
        known.remember(moved);
        assertEquals(Optional.of(moved), known.latest("g"));
        known.remember(started);
        assertEquals(Optional.of(moved), known.latest("g"), "an older snapshot does not replace a newer one");

        Game sameProgress = moved.play("bob", Square.MIDDLE_MIDDLE, NOW);
        Game otherMove = moved.play("bob", Square.BOTTOM_RIGHT, NOW);
        known.remember(sameProgress);
        known.remember(otherMove);
        assertEquals(Optional.of(otherMove), known.latest("g"), "of equal progress, the last one told wins");
    }

    @Test
    void aForgottenIdNamesNoGameUntilTheGameIsSeenAgain() {
        Game game = invitation("g");
        known.remember(game);
        known.forget("g");
        assertEquals(Optional.empty(), known.latest("g"));
        known.remember(game);
        assertEquals(Optional.of(game), known.latest("g"), "any state replaces 'no game'");
        assertEquals(Optional.empty(), known.latest("other"));
    }

    @Test
    void aRecentlySeenGameIsAnsweredWithoutLoading() {
        Game game = invitation("g");
        known.remember(game);
        CountingLoader loader = new CountingLoader(Optional.empty());
        assertEquals(Optional.of(game), known.recent("g", LONG_AGO, loader));
        assertEquals(0, loader.calls.get());

        known.forget("g");
        assertEquals(Optional.empty(), known.recent("g", LONG_AGO, loader), "a recently missing game is missing");
        assertEquals(0, loader.calls.get());
    }

    @Test
    void anUnknownOrStaleGameIsLoadedAndRemembered() throws Exception {
        Game game = invitation("g");
        CountingLoader loader = new CountingLoader(Optional.of(game));
        assertEquals(Optional.of(game), known.recent("g", LONG_AGO, loader));
        assertEquals(1, loader.calls.get());
        assertEquals(Optional.of(game), known.latest("g"));
        assertEquals(Optional.of(game), known.recent("g", LONG_AGO, loader));
        assertEquals(1, loader.calls.get(), "loaded once, then known");

        Thread.sleep(2);
        Game started = game.accept("bob", NOW);
        loader.answer = Optional.of(started);
        assertEquals(
                Optional.of(started),
                known.recent("g", TimeUnit.MILLISECONDS.toNanos(1), loader),
                "too old: loaded again");
        assertEquals(2, loader.calls.get());
        assertEquals(Optional.of(started), known.latest("g"));

        Thread.sleep(2);
        loader.answer = Optional.empty();
        assertEquals(Optional.empty(), known.recent("g", TimeUnit.MILLISECONDS.toNanos(1), loader));
        assertEquals(Optional.empty(), known.latest("g"), "a game found gone is forgotten");
        assertEquals(Optional.empty(), known.recent("g", LONG_AGO, loader));
        assertEquals(3, loader.calls.get(), "and known to be gone");
    }

    @Test
    void callersAskingForTheSameGameAtOnceShareOneLoad() throws Exception {
        Game game = invitation("g");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        Function<String, Optional<Game>> slowLoader = id -> {
            loads.incrementAndGet();
            loading.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(game);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Game>> first = threads.submit(() -> known.recent("g", LONG_AGO, slowLoader));
            assertTrue(loading.await(5, TimeUnit.SECONDS));
            Thread[] second = new Thread[1];
            Future<Optional<Game>> waiting = threads.submit(() -> {
                second[0] = Thread.currentThread();
                return known.recent("g", LONG_AGO, slowLoader);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((second[0] == null || second[0].getState() != Thread.State.BLOCKED)
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            release.countDown();
            assertEquals(Optional.of(game), first.get(5, TimeUnit.SECONDS));
            assertEquals(Optional.of(game), waiting.get(5, TimeUnit.SECONDS));
            assertEquals(1, loads.get(), "the second caller waited for the first one's load");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRememberedWriteIsNotUndoneByAStaleRead() throws Exception {
        Game pending = invitation("g");
        Game started = pending.accept("bob", NOW);
        known.remember(started);
        Thread.sleep(2);
        CountingLoader stale = new CountingLoader(Optional.of(pending));
        assertEquals(
                Optional.of(started),
                known.recent("g", TimeUnit.MILLISECONDS.toNanos(1), stale),
                "the later state this server wrote, not the older one read");
        assertEquals(1, stale.calls.get());
        assertEquals(Optional.of(started), known.latest("g"));
    }

    @Test
    void gamesInUseStayAndTheCapacityIsKeptBeyondIt() {
        Game first = invitation("first");
        known.remember(first);
        for (int i = 1; i < KnownGames.CAPACITY; i++) {
            known.remember(invitation("g" + i));
        }
        assertEquals(KnownGames.CAPACITY, known.size());
        assertEquals(Optional.of(first), known.latest("first"), "exactly at capacity, everything is kept");
        for (int i = 0; i < KnownGames.CAPACITY; i++) {
            known.latest("first"); // a game being played is asked for at every move and view
            known.remember(invitation("more" + i));
        }
        assertEquals(KnownGames.CAPACITY, known.size(), "bounded, and only by what went");
        assertEquals(Optional.of(first), known.latest("first"), "the game in use is kept");
    }
}
