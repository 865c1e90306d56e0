package com.tictactoe.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The WAR on a Payara Micro JVM of its own, talking to DynamoDB at a given endpoint. It can be
 * stopped, killed without warning (as a crash would) and started again on the same port, alone or
 * as a member of a cluster on this machine. Used by {@link LocalRun} and by the tests that need a
 * server they can kill, or several.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /**
     * For a small footprint (the benchmark's target is 400 MB resident under load): the heap starts
     * small, thread stacks are capped at what the server uses, and freed native memory goes back to
     * the system every 5 s. The C2 compiler stays, though on two cores it was still compiling after
     * two minutes of load and costs 40-80 MB resident memory: with C1 alone
     * ({@code -XX:TieredStopAtLevel=1}, tried) a lobby page never gets cheaper than 3.4-3.8 ms of CPU,
     * where warm C2 code needs 2.0, and a sign-in's password hash (PBKDF2, 120,000 rounds) takes
     * 250 ms of CPU instead of 30. The collector is chosen by {@link #FAIL_FAST_OPTIONS}.
     */
    public static final List<String> MEMORY_OPTIONS =
            List.of("-Xms48m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:TrimNativeHeapInterval=5000");

    /**
     * A server whose heap stays full stops, so that the container's orchestrator starts another,
     * instead of collecting garbage nearly all the time for as long as what fills it lives (sessions
     * live for half an hour). Only the parallel collector gives up on its own on JDK 17: once five
     * full collections in a row have taken over half of the time and left less than a fifth of the
     * heap free, it throws OutOfMemoryError ("GC overhead limit exceeded"), which ends the JVM. The
     * serial collector, used before, ran a heap held 94% full at 80-90% of the time for minutes without
     * ever giving up; Serial and G1 accept these flags and ignore them. The parallel collector costs
     * 30-70 MB more resident memory (it grows the heap towards its maximum, and its data for full
     * collections is some 8% of the heap). FailFastJvmTest shows both sides: a full heap stops the
     * JVM within seconds, a heap half full under heavy garbage does not.
     */
    public static final List<String> FAIL_FAST_OPTIONS = List.of(
            "-XX:+UseParallelGC", "-XX:GCTimeLimit=50", "-XX:GCHeapFreeLimit=20", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Java thread priorities as Linux schedules threads, the lowest at the lowest nice value, so that
     * a page runs behind every other thread of the server (TurnGate's PagePriority). Without the first
     * option the JVM ignores priorities on Linux; a user who may not raise a priority again (not root,
     * no {@code CAP_SYS_NICE}) gets a warning from the JVM at start, and pages are then not lowered.
     */
    public static final List<String> SCHEDULING_OPTIONS =
            List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19");

    /**
     * The JSON-P provider, named instead of looked up: Mojarra encodes every push through
     * {@code Json.createGenerator}, whose lookup otherwise searches the class path (a ServiceLoader,
     * then an OSGi lookup) each time, 3% of the server's CPU in whole games (JFR). The class is the
     * Parsson that Payara ships; the Dockerfile passes the same option.
     */
    public static final String JSON_PROVIDER = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

    /** glibc's default of one malloc arena per thread per core costs tens of MB for nothing here. */
    public static final String MALLOC_ARENAS = "2";

    private final List<String> command;
    private final int port;
    private static final String METRICS_PORT = "-Dtictactoe.metrics.port=";

    /**
     * Of the listener that alone serves /metrics (deploy/payara-preboot.asadmin): the one the JVM
     * options name, else a free one, so that servers can run side by side.
     */
    private final int metricsPort;

    private final ProcessBuilder.Redirect output;
    private Process process;

    /**
     * A server on its own, without Payara's cluster (Hazelcast off: less memory, quicker start).
     *
     * @param output where the server's console goes: {@link ProcessBuilder.Redirect#INHERIT}, or
     *               {@code Redirect.appendTo(file)}, which survives restarts
     */
    public PayaraMicroProcess(
            Path payaraJar,
            Path war,
            int port,
            String dynamoEndpoint,
            Path prebootCommands,
            String maxHeap,
            ProcessBuilder.Redirect output) {
        this(payaraJar, war, port, dynamoEndpoint, prebootCommands, maxHeap, List.of(), output);
    }

    /** @param jvmOptions more options for the server's JVM, such as a profiler's (the benchmark's) */
    public PayaraMicroProcess(
            Path payaraJar,
            Path war,
            int port,
            String dynamoEndpoint,
            Path prebootCommands,
            String maxHeap,
            List<String> jvmOptions,
            ProcessBuilder.Redirect output) {
        this(payaraJar, war, port, dynamoEndpoint, prebootCommands, maxHeap, jvmOptions, output, null);
    }

    /**
     * A server that is a member of {@code cluster} (Payara's embedded Hazelcast), or on its own
     * (Hazelcast off: less memory, quicker start) if that is null.
     */
    public PayaraMicroProcess(
            Path payaraJar,
            Path war,
            int port,
            String dynamoEndpoint,
            Path prebootCommands,
            String maxHeap,
            List<String> jvmOptions,
            ProcessBuilder.Redirect output,
            LoopbackCluster cluster) {
        this.port = port;
        this.output = output;
        this.metricsPort = jvmOptions.stream()
                .filter(option -> option.startsWith(METRICS_PORT))
                .map(option -> Integer.parseInt(option.substring(METRICS_PORT.length())))
                .reduce((first, last) -> last)
                .orElseGet(DynamoDbLocal::freePort);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(MEMORY_OPTIONS);
        command.addAll(FAIL_FAST_OPTIONS);
        command.addAll(SCHEDULING_OPTIONS);
        command.add(JSON_PROVIDER);
        command.addAll(jvmOptions.stream()
                .filter(option -> !option.startsWith(METRICS_PORT))
                .toList());
        command.addAll(List.of(
                "-Dtictactoe.dynamodb.endpoint=" + dynamoEndpoint,
                METRICS_PORT + metricsPort,
                "-jar",
                payaraJar.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--disablephonehome",
                "--prebootcommandfile",
                prebootCommands.toString()));
        command.addAll(cluster == null ? List.of("--nohazelcast") : cluster.options());
        this.command = List.copyOf(command);
    }

    /**
     * A cluster of servers on this machine only: members find each other on the listed loopback
     * ports (Hazelcast's TCP/IP discovery, no multicast), listen on 127.0.0.1 only, and meet no
     * cluster of another name.
     *
     * @param dataGridPort the cluster port of this server, one of {@code memberPorts}
     */
    public record LoopbackCluster(String name, int dataGridPort, List<Integer> memberPorts) {

        List<String> options() {
            StringJoiner members = new StringJoiner(",");
            memberPorts.forEach(member -> members.add("127.0.0.1:" + member));
            return List.of(
                    "--clustername",
                    name,
                    "--clustermode",
                    "tcpip:" + members,
                    "--interfaces",
                    "127.0.0.1",
                    "--startport",
                    String.valueOf(dataGridPort));
        }
    }

    /** The command line it starts: the container must launch Payara Micro the same way (DockerfileTest). */
    public List<String> command() {
        return command;
    }

    /** http://127.0.0.1:port/ */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** http://127.0.0.1:metrics-port/metrics: the server's metrics in Prometheus text. */
    public URI metrics() {
        return URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
    }

    /** Starts the server and waits until it serves the sign-in page. */
    public void start() {
        try {
            File log = output.file();
            if (log != null) {
                Files.createDirectories(log.getAbsoluteFile().getParentFile().toPath());
            }
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
            builder.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
            process = builder.start();
            waitUntilServing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server JVM's process id, while it runs. */
    public long pid() {
        return process.pid();
    }

    /** Kills the server at once (SIGKILL): no shutdown hook, no session saved. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the server ends by itself; its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s), if it runs. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void waitUntilServing() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI signIn = base().resolve("signin.xhtml");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped while starting; " + whereItsOutputIs());
            }
            try {
                if (http.send(HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Payara Micro did not serve " + signIn + " within "
                + STARTUP_TIMEOUT.toMinutes() + " minutes; " + whereItsOutputIs());
    }

    private String whereItsOutputIs() {
        File log = output.file();
        return log == null ? "see its output above" : "see " + log;
    }
}
