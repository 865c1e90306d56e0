package com.tictactoe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on a Payara Micro process of its own, which a test may kill without warning and
 * start again on the same port, as an operator's crash would.
 */
public final class PayaraServer implements AutoCloseable {

    private final Path war;
    private final Path payaraJar;
    private final int port;
    private final String dynamoEndpoint;
    private final Path log;
    private Process process;

    public PayaraServer(Path war, Path payaraJar, int port, String dynamoEndpoint) {
        this.war = war;
        this.payaraJar = payaraJar;
        this.port = port;
        this.dynamoEndpoint = dynamoEndpoint;
        this.log = Path.of("target", "payara-" + port + ".log");
    }

    /** From the build: the packaged WAR and the Payara Micro jar that Failsafe names. */
    public static PayaraServer forThisBuild(int port) {
        String jar = System.getProperty("payara.microJar");
        if (jar == null) {
            throw new IllegalStateException("payara.microJar is not set: run the tests with 'mvn verify'");
        }
        return new PayaraServer(Path.of("target", "tictactoe.war"), Path.of(jar), port, DynamoDbLocalSession.endpoint());
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it serves the sign-in page. */
    public void start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-Dtictactoe.dynamodb.endpoint=" + dynamoEndpoint,
                    "-jar", payaraJar.toString(),
                    "--deploy", war.toString(),
                    "--contextroot", "/",
                    "--port", String.valueOf(port),
                    "--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("payara.preboot", "deploy/payara-preboot.asadmin"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            waitUntilServing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private void waitUntilServing() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI signIn = URI.create(base() + "signin.xhtml");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped while starting; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Payara Micro did not serve " + signIn + " within 3 minutes; see " + log);
    }

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
}
