package com.tictactoe.web.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.web.guards.Turns.Admission;
import com.tictactoe.web.guards.Turns.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void pagesGoOnAtOnceUpToTheLimit() throws Exception {
        Turns turns = new Turns(2, 100);
        assertEquals(Admission.AT_ONCE, turns.take(Kind.PAGE, LONG));
        assertEquals(Admission.AT_ONCE, turns.take(Kind.PAGE, LONG));
        assertEquals(Admission.TIMED_OUT, turns.take(Kind.PAGE, Duration.ZERO), "both taken");
        turns.end();
        assertEquals(Admission.AT_ONCE, turns.take(Kind.PAGE, LONG));
    }

    @Test
    void aPageWaitsForATurnAndGivesUpAfterTheLongestWait() throws Exception {
        Turns turns = new Turns(1, 100);
        turns.take(Kind.PAGE, LONG);
        long asked = System.nanoTime();
        assertEquals(Admission.TIMED_OUT, turns.take(Kind.PAGE, Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - asked >= TimeUnit.MILLISECONDS.toNanos(200), "it waited");
        assertEquals(0, turns.waiting());
        assertEquals(0, turns.free(), "the one turn is still taken");
    }

    @Test
    void anEndedTurnGoesToAWaitingPageNotToOneThatComesLater() throws Exception {
        Turns turns = new Turns(1, 100);
        ExecutorService pages = Executors.newFixedThreadPool(2);
        try {
            turns.take(Kind.PAGE, LONG);
            // One after the other: two submitted at once may start waiting in either order.
            Future<Admission> first = pages.submit(() -> turns.take(Kind.PAGE, LONG));
            awaitWaiting(turns, 1);
            Future<Admission> second = pages.submit(() -> turns.take(Kind.PAGE, LONG));
            awaitWaiting(turns, 2);
            turns.end();
            assertEquals(Admission.TIMED_OUT, turns.take(Kind.PAGE, Duration.ZERO), "the pages that wait come first");
            assertEquals(Admission.AFTER_WAITING, first.get(10, TimeUnit.SECONDS));
            turns.end(); // the first page's turn
            assertEquals(Admission.AFTER_WAITING, second.get(10, TimeUnit.SECONDS));
        } finally {
            pages.shutdownNow();
        }
    }

    @Test
    void pagesGetTheirTurnsInTheOrderTheyCame() throws Exception {
        Turns turns = new Turns(1, 100);
        int waiters = 5;
        ExecutorService pages = Executors.newFixedThreadPool(waiters);
        List<Integer> served = Collections.synchronizedList(new ArrayList<>());
        try {
            turns.take(Kind.PAGE, LONG);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                int number = i;
                all.add(pages.submit(() -> {
                    turns.take(Kind.PAGE, LONG);
                    served.add(number);
                    turns.end();
                    return null;
                }));
                awaitWaiting(turns, i + 1);
            }
            turns.end();
            for (Future<?> each : all) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pages.shutdownNow();
        }
        assertEquals(List.of(0, 1, 2, 3, 4), served);
    }

    @Test
    void aWaitingMoveHasTheNextTurnBeforeEveryWaitingPage() throws Exception {
        List<String> served = servedInTurn(Kind.PAGE, "page 1", "page 2", "move");
        assertEquals(List.of("move", "page 1", "page 2"), served);
    }

    @Test
    void aVisitorWaitsForEveryPlayersWaitingPageAndMoveAndOvertakesNone() throws Exception {
        List<String> served = servedInTurn(Kind.VISITOR, "visitor 1", "page", "visitor 2", "move");
        assertEquals(List.of("move", "page", "visitor 1", "visitor 2"), served);
    }

    /**
     * With one turn, held by a request of {@code holder}'s kind, the named requests ask for a turn
     * one after the other (a name says its kind: "move", "page" or "visitor"); the order they are
     * served in once the turn ends. No later request gets a turn while they wait.
     */
    private static List<String> servedInTurn(Kind holder, String... names) throws Exception {
        Turns turns = new Turns(1, 100);
        ExecutorService requests = Executors.newFixedThreadPool(names.length);
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        try {
            turns.take(holder, LONG);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                Kind kind = Kind.valueOf(name.split(" ")[0].toUpperCase(Locale.ROOT));
                all.add(requests.submit(() -> {
                    turns.take(kind, LONG);
                    served.add(name);
                    turns.end();
                    return null;
                }));
                awaitWaiting(turns, i + 1);
            }
            assertEquals(Admission.TIMED_OUT, turns.take(Kind.MOVE, Duration.ZERO), "the others wait already");
            turns.end();
            for (Future<?> each : all) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            requests.shutdownNow();
        }
        return served;
    }

    @Test
    void aVisitorBeyondThoseThatMayWaitIsNotWaitedForButPlayersAlwaysAre() throws Exception {
        Turns turns = new Turns(1, 2);
        ExecutorService requests = Executors.newFixedThreadPool(4);
        try {
            turns.take(Kind.PAGE, LONG);
            List<Future<Admission>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                waiting.add(requests.submit(() -> turns.take(Kind.VISITOR, LONG)));
                awaitWaiting(turns, i + 1);
            }
            assertEquals(Admission.TOO_MANY_WAITING, turns.take(Kind.VISITOR, LONG), "a third visitor");
            assertFalse(Admission.TOO_MANY_WAITING.hasTurn());
            Future<Admission> page = requests.submit(() -> turns.take(Kind.PAGE, LONG));
            Future<Admission> move = requests.submit(() -> turns.take(Kind.MOVE, LONG));
            awaitWaiting(turns, 4);
            for (int turn = 0; turn < 4; turn++) {
                turns.end();
                Thread.sleep(20);
            }
            assertEquals(Admission.AFTER_WAITING, move.get(10, TimeUnit.SECONDS));
            assertEquals(Admission.AFTER_WAITING, page.get(10, TimeUnit.SECONDS));
            for (Future<Admission> visitor : waiting) {
                assertEquals(Admission.AFTER_WAITING, visitor.get(10, TimeUnit.SECONDS));
            }
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void manyThreadsNeverHoldMoreTurnsThanAllowed() throws Exception {
        int atOnce = 3;
        int pages = 20_000;
        Turns turns = new Turns(atOnce, 100);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(pages);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < pages; i++) {
                threads.execute(() -> {
                    try {
                        Kind[] kinds = Kind.values();
                        assertTrue(turns.take(kinds[ThreadLocalRandom.current().nextInt(kinds.length)], LONG)
                                .hasTurn());
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        running.decrementAndGet();
                        turns.end();
                        done.countDown();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "every page served");
        } finally {
            threads.shutdownNow();
        }
        assertTrue(most.get() <= atOnce, "at most " + atOnce + " at once: " + most.get());
        assertEquals(atOnce, turns.free());
    }

    @Test
    void atLeastOneTurnAndNoMoreEndedThanTaken() {
        assertThrows(IllegalArgumentException.class, () -> new Turns(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Turns(1, -1));
        assertThrows(IllegalStateException.class, () -> new Turns(1, 1).end());
    }

    private static void awaitWaiting(Turns turns, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.waiting() < count) {
            assertTrue(System.nanoTime() < deadline, "pages waiting: " + turns.waiting());
            Thread.sleep(5);
        }
    }
}
