package com.tictactoe.testsupport;

import com.tictactoe.run.DynamoDbLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly of its own (standalone.xml, the full Jakarta EE profile) on free loopback ports, with
 * a WAR dropped into its deployments folder, talking to DynamoDB at a given endpoint. The server
 * is the distribution unpacked by the build ({@code wildfly.home}); what it writes (configuration
 * copy, deployments, data, log) goes to a fresh base folder under target/.
 */
public final class WildFlyServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final Path base;
    private final Path war;
    private final String dynamoEndpoint;
    private final int httpPort = DynamoDbLocal.freePort();
    private Process process;
    private Duration bootTime;

    /**
     * @param home the unpacked distribution
     * @param base where this server's configuration, deployments, data and log go; emptied first
     */
    public WildFlyServer(Path home, Path base, Path war, String dynamoEndpoint) {
        this.home = home;
        this.base = base;
        this.war = war;
        this.dynamoEndpoint = dynamoEndpoint;
    }

    /** The distribution that the build unpacked, named by Failsafe. */
    public static Path unpackedHome() {
        String home = System.getProperty("wildfly.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "jboss-modules.jar"))) {
            throw new IllegalStateException(
                    "wildfly.home (" + home + ") is no WildFly: run the tests with 'mvn verify'");
        }
        return Path.of(home);
    }

    /** The application's address: the WAR's file name is its context root, as on any server. */
    public URI app() {
        String name = war.getFileName().toString().replaceAll("\\.war$", "");
        return URI.create("http://127.0.0.1:" + httpPort + "/" + (name.equals("ROOT") ? "" : name + "/"));
    }

    /** From the start of the process to the first 200 from the sign-in page. */
    public Duration bootTime() {
        return bootTime;
    }

    public Path log() {
        return base.resolve("log").resolve("server.log");
    }

    /** Starts the server with the WAR in its deployments folder; returns once the sign-in page answers 200. */
    public void start() {
        try {
            prepareBase();
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin").resolve("standalone.sh").toString(),
                    "-c",
                    "standalone.xml",
                    "-b",
                    "127.0.0.1",
                    "-bmanagement",
                    "127.0.0.1",
                    "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                    "-Djboss.http.port=" + httpPort,
                    "-Djboss.https.port=" + DynamoDbLocal.freePort(),
                    "-Djboss.management.http.port=" + DynamoDbLocal.freePort(),
                    "-Djboss.management.https.port=" + DynamoDbLocal.freePort(),
                    "-Dtictactoe.dynamodb.endpoint=" + dynamoEndpoint));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("console.log").toFile());
            builder.environment()
                    .put(
                            "JAVA",
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString());
            builder.environment()
                    .put("JAVA_OPTS", "-Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true");
            // Without it the script waits on java in the foreground and does not pass SIGTERM on.
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
            long started = System.nanoTime();
            process = builder.start();
            waitUntilServing();
            bootTime = Duration.ofNanos(System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void prepareBase() throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> old = Files.walk(base)) {
                old.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Path configuration = home.resolve("standalone").resolve("configuration");
        try (Stream<Path> files = Files.walk(configuration)) {
            for (Path file : files.toList()) {
                Path copy = base.resolve("configuration")
                        .resolve(configuration.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, deployments.resolve(war.getFileName()));
    }

    private void waitUntilServing() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI signIn = app().resolve("signin.xhtml");
        Path failed = base.resolve("deployments").resolve(war.getFileName() + ".failed");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped while starting; see " + base.resolve("console.log"));
            }
            if (Files.exists(failed)) {
                throw new IllegalStateException(
                        "WildFly did not deploy the WAR: " + readQuietly(failed) + "; see " + log());
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(signIn)
                                                .timeout(TestTimeouts.HTTP_REQUEST)
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly did not serve " + signIn + " within " + STARTUP_TIMEOUT.toMinutes()
                + " minutes; see " + log());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops the server: SIGTERM to the launch script and its java, SIGKILL after 30 s. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }
}
