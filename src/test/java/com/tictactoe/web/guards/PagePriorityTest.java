package com.tictactoe.web.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The unit tests' JVM has the server's scheduling options (pom.xml: surefire's argLine), so where
 * the process may raise a priority again (CAP_SYS_NICE, as root has it here and in CI), pages must
 * run lowered; without it a thread can be lowered but not raised again, and they must not be.
 */
class PagePriorityTest {

    @Test
    void theNiceValueIsReadAfterAThreadNameWithSpacesAndParentheses() {
        String stat = "4242 (http-thread-pool::http-listener(1) x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 19 57 0 99";
        assertEquals(OptionalInt.of(19), PagePriority.niceIn(stat));
        assertEquals(OptionalInt.empty(), PagePriority.niceIn("4242 (short) S 1 2"));
        assertEquals(OptionalInt.empty(), PagePriority.niceIn("no name"));
    }

    @Test
    void pagesAreLoweredOnlyWhereAThreadIsLoweredForRealAndRaisedAgain() {
        OptionalInt none = OptionalInt.empty();
        assertTrue(PagePriority.lowersAndRestores(OptionalInt.of(0), OptionalInt.of(19), OptionalInt.of(0)));
        assertTrue(PagePriority.lowersAndRestores(OptionalInt.of(5), OptionalInt.of(19), OptionalInt.of(5)));
        // a user who may lower but not raise: stays lowered
        assertFalse(PagePriority.lowersAndRestores(OptionalInt.of(0), OptionalInt.of(19), OptionalInt.of(19)));
        // Java's priorities ignored (no -XX:ThreadPriorityPolicy=1)
        assertFalse(PagePriority.lowersAndRestores(OptionalInt.of(0), OptionalInt.of(0), OptionalInt.of(0)));
        // no /proc to read
        assertFalse(PagePriority.lowersAndRestores(none, none, none));
        assertFalse(PagePriority.lowersAndRestores(OptionalInt.of(0), none, OptionalInt.of(0)));
    }

    @Test
    void withTheServersOptionsPagesAreLoweredExactlyWherePrioritiesCanBeRaisedAgain() throws IOException {
        assertTrue(
                ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:ThreadPriorityPolicy=1"),
                "surefire's argLine has the server's scheduling options");
        assertEquals(mayRaisePriorities(), PagePriority.available());
    }

    /** CAP_SYS_NICE (bit 23) among the process's effective capabilities, or a nice limit that reaches 0. */
    private static boolean mayRaisePriorities() throws IOException {
        String niceLimit = Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(line -> line.startsWith("Max nice priority"))
                .map(line -> line.substring("Max nice priority".length()).trim().split("\\s+")[0])
                .findFirst()
                .orElseThrow();
        if (niceLimit.equals("unlimited") || Integer.parseInt(niceLimit) >= 20) {
            return true;
        }
        String capabilities = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("CapEff:"))
                .map(line -> line.substring("CapEff:".length()).trim())
                .findFirst()
                .orElseThrow();
        return new BigInteger(capabilities, 16).testBit(23);
    }

    @Test
    void aPageRunsAtTheLowestPriorityAndAMoveAtTheThreadsOwn() throws Exception {
        assumeTrue(PagePriority.available(), "this JVM cannot lower a thread's priority and raise it again");
        PagePriority priority = new PagePriority(true);
        int own = PagePriority.ownNice().orElseThrow();
        AtomicInteger seen = new AtomicInteger(Integer.MIN_VALUE);

        priority.run(Turns.Kind.PAGE, () -> seen.set(PagePriority.ownNice().orElseThrow()));
        assertTrue(seen.get() > own, "a page at a higher nice value: " + seen.get() + " against " + own);
        assertEquals(own, PagePriority.ownNice().orElseThrow(), "back after the page");
        assertEquals(Thread.NORM_PRIORITY, Thread.currentThread().getPriority());

        priority.run(Turns.Kind.MOVE, () -> seen.set(PagePriority.ownNice().orElseThrow()));
        assertEquals(own, seen.get(), "a move at the thread's own");

        assertThrows(
                IOException.class,
                () -> priority.run(Turns.Kind.PAGE, () -> {
                    throw new IOException("the client went away");
                }));
        assertEquals(own, PagePriority.ownNice().orElseThrow(), "back after a page that failed");
    }

    @Test
    void switchedOffAPageRunsAtTheThreadsOwnPriority() throws Exception {
        int own = PagePriority.ownNice().orElse(0);
        AtomicInteger seen = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger javaPriority = new AtomicInteger();
        new PagePriority(false).run(Turns.Kind.PAGE, () -> {
            seen.set(PagePriority.ownNice().orElse(0));
            javaPriority.set(Thread.currentThread().getPriority());
        });
        assertEquals(own, seen.get());
        assertEquals(Thread.NORM_PRIORITY, javaPriority.get());
    }
}
