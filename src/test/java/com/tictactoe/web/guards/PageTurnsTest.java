package com.tictactoe.web.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.web.guards.PageTurns.Admission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageTurnsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void pagesGoOnAtOnceUpToTheLimit() throws Exception {
        PageTurns turns = new PageTurns(2, 0);
        assertEquals(Admission.AT_ONCE, turns.take(LONG));
        assertEquals(Admission.AT_ONCE, turns.take(LONG));
        assertEquals(Admission.LINE_FULL, turns.take(LONG), "no one may wait: refused without waiting");
        turns.end();
        assertEquals(Admission.AT_ONCE, turns.take(LONG));
    }

    @Test
    void aPageWaitsForATurnAndGivesUpAfterTheLongestWait() throws Exception {
        PageTurns turns = new PageTurns(1, 5);
        turns.take(LONG);
        long asked = System.nanoTime();
        assertEquals(Admission.TIMED_OUT, turns.take(Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - asked >= TimeUnit.MILLISECONDS.toNanos(200), "it waited");
        assertEquals(0, turns.waiting());
        assertEquals(0, turns.free(), "the one turn is still taken");
    }

    @Test
    void anEndedTurnGoesToAWaitingPageAndTheLineIsBounded() throws Exception {
        PageTurns turns = new PageTurns(1, 2);
        ExecutorService pages = Executors.newFixedThreadPool(2);
        try {
            turns.take(LONG);
            Future<Admission> first = pages.submit(() -> turns.take(LONG));
            Future<Admission> second = pages.submit(() -> turns.take(LONG));
            awaitWaiting(turns, 2);
            assertEquals(Admission.LINE_FULL, turns.take(LONG), "two wait already");
            turns.end();
            turns.end();
            assertEquals(Admission.AFTER_WAITING, first.get(10, TimeUnit.SECONDS));
            assertEquals(Admission.AFTER_WAITING, second.get(10, TimeUnit.SECONDS));
        } finally {
            pages.shutdownNow();
        }
    }

    @Test
    void pagesGetTheirTurnsInTheOrderTheyCame() throws Exception {
        PageTurns turns = new PageTurns(1, 10);
        int waiters = 5;
        ExecutorService pages = Executors.newFixedThreadPool(waiters);
        List<Integer> served = Collections.synchronizedList(new ArrayList<>());
        try {
            turns.take(LONG);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                int number = i;
                all.add(pages.submit(() -> {
                    turns.take(LONG);
                    served.add(number);
                    turns.end();
                    return null;
                }));
                awaitWaiting(turns, i + 1);
                Thread.sleep(50); // counted just before it queues: let it queue before the next comes
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
    void manyThreadsNeverHoldMoreTurnsThanAllowed() throws Exception {
        int atOnce = 3;
        int pages = 20_000;
        PageTurns turns = new PageTurns(atOnce, pages);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(pages);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < pages; i++) {
                threads.execute(() -> {
                    try {
                        assertTrue(turns.take(LONG).hasTurn());
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
    void atLeastOneTurn() {
        assertThrows(IllegalArgumentException.class, () -> new PageTurns(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PageTurns(1, -1));
    }

    private static void awaitWaiting(PageTurns turns, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.waiting() < count) {
            assertTrue(System.nanoTime() < deadline, "pages waiting: " + turns.waiting());
            Thread.sleep(5);
        }
    }
}
