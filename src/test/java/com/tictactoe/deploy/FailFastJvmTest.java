package com.tictactoe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.run.PayaraMicroProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's JVM options (PayaraMicroProcess, and so the Dockerfile and the tests) against a JVM
 * whose heap stays full: it must stop within seconds, for the container's orchestrator to start another,
 * rather than collect garbage nearly all the time for as long as what fills the heap lives. And it
 * must not stop under heavy garbage with a heap half full. Each runs {@link HeapFiller} in a JVM of
 * its own with those options and a small heap.
 */
class FailFastJvmTest {

    private static final String HEAP = "-Xmx128m";

    private record Run(int exitCode, List<String> output, double seconds) {}

    private static Run run(double share, double rate, long seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP));
        command.addAll(PayaraMicroProcess.MEMORY_OPTIONS);
        command.addAll(PayaraMicroProcess.FAIL_FAST_OPTIONS);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                HeapFiller.class.getName(),
                String.valueOf(share),
                String.valueOf(rate),
                String.valueOf(seconds)));
        long start = System.nanoTime();
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        }
        assertTrue(jvm.waitFor(seconds + 60, TimeUnit.SECONDS), "the JVM ended");
        return new Run(jvm.exitValue(), output, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Filled at 24 MB/s towards 94% of the heap, which it would then keep for the 90 s given. With
     * the serial collector used before, such a JVM ran all 90 s, most of it in full collections.
     */
    @Test
    void aHeapThatStaysFullStopsTheJvmWithinSeconds() throws Exception {
        Run full = run(0.94, 24, 90);
        System.out.printf(
                "A heap filling up stopped the JVM after %.1f s (exit %d)%n", full.seconds(), full.exitCode());
        assertTrue(
                full.output().stream().anyMatch(line -> line.contains("OutOfMemoryError")),
                String.join("\n", full.output()));
        assertEquals(3, full.exitCode(), "ended by -XX:+ExitOnOutOfMemoryError: " + String.join("\n", full.output()));
        assertTrue(full.seconds() < 45, "within seconds, not after the 90 s it would run: " + full.seconds());
    }

    @Test
    void aHeapHalfFullUnderHeavyGarbageKeepsRunning() throws Exception {
        Run normal = run(0.5, 24, 5);
        assertEquals(0, normal.exitCode(), String.join("\n", normal.output()));
        assertTrue(normal.output().contains("still running"), String.join("\n", normal.output()));
    }
}
