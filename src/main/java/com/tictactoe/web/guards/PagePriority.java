package com.tictactoe.web.guards;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A page runs at the lowest thread priority while it has its turn, so that on busy cores every
 * other thread of the server goes before it: moves, pushes, polls, health checks, the JVM's own.
 * {@link Turns} gives a waiting move the next turn; without this it would then still share the
 * cores slice by slice with every page being rendered.
 *
 * <p>Only where the JVM can lower a thread's priority and raise it again. On Linux that takes
 * {@code -XX:ThreadPriorityPolicy=1} (without it Java ignores priorities there) and the right to
 * raise a priority (root, {@code CAP_SYS_NICE} or a nice limit, {@code ulimit -e}); where only
 * lowering works, a request thread once lowered would go on serving moves at the pages' priority,
 * so pages are then not lowered at all. {@link #available} tries both on a thread of its own.
 */
final class PagePriority {

    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    /** Field 19 of {@code stat}, counted from its third, the first after the thread's name. */
    private static final int NICE_AFTER_NAME = 16;

    private final boolean lowered;

    PagePriority(boolean lowered) {
        this.lowered = lowered;
    }

    boolean lowersPages() {
        return lowered;
    }

    /** Runs a request's work, a page's at the lowest priority; the thread's own priority is back after it. */
    void run(Turns.Kind kind, Work work) throws IOException, ServletException {
        if (!lowered || kind == Turns.Kind.MOVE) {
            work.run();
            return;
        }
        Thread thread = Thread.currentThread();
        int own = thread.getPriority();
        thread.setPriority(Thread.MIN_PRIORITY);
        try {
            work.run();
        } finally {
            thread.setPriority(own);
        }
    }

    /** A request's work. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, ServletException;
    }

    /**
     * Whether this JVM, on this system, lowers a thread's priority as the system schedules it and
     * raises it again; tried on a new thread, which ends with it.
     */
    static boolean available() {
        AtomicBoolean both = new AtomicBoolean();
        Thread trial = new Thread(
                () -> {
                    Thread self = Thread.currentThread();
                    OptionalInt normal = ownNice();
                    self.setPriority(Thread.MIN_PRIORITY);
                    OptionalInt low = ownNice();
                    self.setPriority(Thread.NORM_PRIORITY);
                    OptionalInt again = ownNice();
                    both.set(lowersAndRestores(normal, low, again));
                },
                "page-priority-trial");
        trial.start();
        try {
            trial.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return both.get();
    }

    /**
     * Nice values seen before, while lowered and after raising again: lowered for real (not only in
     * Java's field) and back where it was (a user who may only lower a priority stays lowered).
     */
    static boolean lowersAndRestores(OptionalInt normal, OptionalInt lowered, OptionalInt again) {
        return normal.isPresent()
                && lowered.isPresent()
                && again.isPresent()
                && lowered.getAsInt() > normal.getAsInt()
                && again.getAsInt() == normal.getAsInt();
    }

    /** The calling thread's nice value as Linux schedules it; empty where there is no such file. */
    static OptionalInt ownNice() {
        try {
            return niceIn(Files.readString(OWN_STAT, StandardCharsets.US_ASCII));
        } catch (IOException | UnsupportedOperationException | SecurityException unreadable) {
            return OptionalInt.empty();
        }
    }

    /** The nice value in a {@code stat} line; the thread's name, in parentheses, may hold spaces and parentheses. */
    static OptionalInt niceIn(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        if (nameEnd < 0) {
            return OptionalInt.empty();
        }
        String[] fields = stat.substring(nameEnd + 1).trim().split("\\s+");
        if (fields.length <= NICE_AFTER_NAME) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields[NICE_AFTER_NAME]));
        } catch (NumberFormatException unreadable) {
            return OptionalInt.empty();
        }
    }
}
