package com.tictactoe.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The app server's process as the kernel sees it: resident memory (VmRSS in /proc/PID/status) and
 * CPU time (utime + stime in /proc/PID/stat). Linux only; elsewhere the figures are unknown (-1).
 */
final class AppProcess implements AutoCloseable {

    /** USER_HZ: the unit of utime and stime, 100 on every Linux platform the app runs on. */
    private static final double TICKS_PER_SECOND = 100;
    /** A generation's line of {@code GC.heap_info}, for the parallel collector the app runs with. */
    private static final Pattern HEAP_USED = Pattern.compile("^\\s*(?:PSYoungGen|ParOldGen)\\s.*used (\\d+)K");

    private final long pid;
    private final AtomicLong peakRssKb = new AtomicLong(-1);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    AppProcess(long pid) {
        this.pid = pid;
        sampler.scheduleAtFixedRate(
                () -> peakRssKb.accumulateAndGet(rssKb(), Math::max), 0, 250, TimeUnit.MILLISECONDS);
    }

    long pid() {
        return pid;
    }

    /** Resident memory now, in kB; -1 if unknown. */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** The highest resident memory sampled since the last call (every 250 ms), in kB; -1 if unknown. */
    long takePeakRssKb() {
        return peakRssKb.getAndSet(rssKb());
    }

    /** User and system CPU seconds used so far; NaN if unknown. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds the JVM's just-in-time compiler threads used so far: the part of the app's CPU
     * that is warming up rather than serving, which falls as the hot code gets compiled. NaN if unknown.
     */
    double compilerCpuSeconds() {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            double seconds = 0;
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                        seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    }
                } catch (IOException threadEnded) {
                    // a compiler thread that ended took its time with it; the next phase starts afresh
                }
            }
            return seconds;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The heap in use right after a full collection, in kB, as {@code jcmd} reports it (young and
     * old generation): what the app holds, garbage aside. -1 if it could not be read.
     */
    long heapAfterFullGcKb() {
        try {
            jcmd("GC.run");
            long used = 0;
            boolean found = false;
            for (String line : jcmd("GC.heap_info").split("\n")) {
                Matcher generation = HEAP_USED.matcher(line);
                if (generation.find()) {
                    used += Long.parseLong(generation.group(1));
                    found = true;
                }
            }
            return found ? used : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The live objects by class, largest first (a full collection first), written to {@code file}. */
    void writeHistogram(Path file) {
        try {
            Files.writeString(file, jcmd("GC.class_histogram"));
        } catch (IOException | RuntimeException e) {
            // a figure less, not a failed run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** File descriptors the process holds open (sockets among them); -1 if unknown. */
    long openFiles() {
        return countEntries(Path.of("/proc", String.valueOf(pid), "fd"));
    }

    /** Threads of the process; -1 if unknown. */
    long threads() {
        return countEntries(Path.of("/proc", String.valueOf(pid), "task"));
    }

    private static long countEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
