package com.tictactoe.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the app on this machine with no AWS account: DynamoDB Local keeping its data in
 * {@code ~/.tictactoe/dynamodb}, and Payara Micro serving the WAR on http://localhost:8080/.
 * Ctrl-C stops both. Started by {@code mvn -Prun package}.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        int httpPort = Integer.parseInt(System.getProperty("http.port", "8080"));
        Path data = Path.of(System.getProperty("tictactoe.data",
                Path.of(System.getProperty("user.home"), ".tictactoe", "dynamodb").toString()));
        Files.createDirectories(data);

        int dynamoPort = DynamoDbLocal.freePort();
        DynamoDbLocal dynamo = DynamoDbLocal.start(dynamoPort, data);
        Process payara = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dtictactoe.dynamodb.endpoint=" + dynamo.endpoint(),
                "-jar", payaraJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(httpPort),
                "--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("payara.preboot", "deploy/payara-preboot.asadmin"))
                .inheritIO()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, dynamo)));

        String address = "http://localhost:" + httpPort + "/";
        if (waitUntilServing(address + "signin.xhtml", payara)) {
            System.out.printf("%n  Tic-Tac-Toe is running at %s%n  Games are kept in %s%n  Press Ctrl-C to stop.%n%n",
                    address, data);
        }
        System.exit(payara.waitFor());
    }

    private static boolean waitUntilServing(String address, Process payara) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (payara.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(address)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void stop(Process payara, DynamoDbLocal dynamo) {
        payara.destroy();
        try {
            if (!payara.waitFor(20, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            payara.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        dynamo.close();
    }
}
