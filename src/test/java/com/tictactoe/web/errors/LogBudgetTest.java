package com.tictactoe.web.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LogBudgetTest {

    private static final long START = -5_000_000_000L; // nanoTime may be negative
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void theBurstIsLoggedAtOnceAndTheRestCountedByStatus() {
        LogBudget budget = new LogBudget(3, Duration.ofMillis(100), START);
        assertTrue(budget.lineFor(400, START));
        assertTrue(budget.lineFor(400, START));
        assertTrue(budget.lineFor(408, START));
        assertFalse(budget.lineFor(408, START));
        assertFalse(budget.lineFor(408, START + 50 * MS));
        assertFalse(budget.lineFor(503, START + 99 * MS));
        assertEquals(Map.of(408, 2L, 503, 1L), budget.takeUnlogged());
        assertEquals(Map.of(), budget.takeUnlogged(), "counting starts again");
    }

    @Test
    void onceTheBurstIsSpentOneLineEveryInterval() {
        LogBudget budget = new LogBudget(2, Duration.ofMillis(100), START);
        assertTrue(budget.lineFor(400, START));
        assertTrue(budget.lineFor(400, START));
        assertFalse(budget.lineFor(400, START + 10 * MS));
        assertTrue(budget.lineFor(400, START + 100 * MS));
        assertFalse(budget.lineFor(400, START + 150 * MS));
        assertTrue(budget.lineFor(400, START + 200 * MS));
        assertEquals(Map.of(400, 2L), budget.takeUnlogged());
    }

    @Test
    void aQuietSpellGivesTheWholeBurstBackAndNoMore() {
        LogBudget budget = new LogBudget(3, Duration.ofMillis(100), START);
        for (int i = 0; i < 3; i++) {
            assertTrue(budget.lineFor(400, START));
        }
        long later = START + 60_000 * MS;
        for (int i = 0; i < 3; i++) {
            assertTrue(budget.lineFor(400, later), "line " + i);
        }
        assertFalse(budget.lineFor(400, later), "a minute's quiet does not save up more than the burst");
    }

    @Test
    void threadsAtOnceGetTheBurstBetweenThemAndNoMore() throws InterruptedException {
        LogBudget budget = new LogBudget(100, Duration.ofHours(1), START);
        int threads = 8;
        int each = 1000;
        AtomicInteger lines = new AtomicInteger();
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            running[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    if (budget.lineFor(400, START)) {
                        lines.incrementAndGet();
                    }
                }
            });
            running[t].start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        assertEquals(100, lines.get());
        assertEquals(Map.of(400, (long) threads * each - 100), budget.takeUnlogged());
    }

    @Test
    void aBudgetNeedsALineAndATime() {
        assertThrows(IllegalArgumentException.class, () -> new LogBudget(0, Duration.ofMillis(1), START));
        assertThrows(IllegalArgumentException.class, () -> new LogBudget(1, Duration.ZERO, START));
    }
}
