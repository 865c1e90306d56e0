package com.tictactoe.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the app on this machine with no AWS account: DynamoDB Local keeping its data in
 * {@code ~/.tictactoe/dynamodb} (or {@code -Dtictactoe.data}), and Payara Micro serving the WAR on
 * http://localhost:8080/ (or {@code -Dhttp.port}). Ctrl-C stops both.
 *
 * <p>Started by {@code mvn -Prun package}, with the WAR and the Payara Micro jar as arguments and
 * {@code -Dpayara.preboot} naming {@code deploy/payara-preboot.asadmin}. It is not part of the WAR.
 */
public final class LocalRun {

    /** The server's heap: the benchmark starts Payara Micro with it too, so it measures this setup. */
    public static final String MAX_HEAP = "200m";

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        int httpPort = Integer.parseInt(System.getProperty("http.port", "8080"));
        Path data = Path.of(System.getProperty(
                "tictactoe.data",
                Path.of(System.getProperty("user.home"), ".tictactoe", "dynamodb")
                        .toString()));
        Path preboot = Path.of(System.getProperty("payara.preboot", "deploy/payara-preboot.asadmin"));
        Files.createDirectories(data);

        DynamoDbLocal dynamo = DynamoDbLocal.start(DynamoDbLocal.freePort(), data);
        PayaraMicroProcess payara = new PayaraMicroProcess(
                payaraJar, war, httpPort, dynamo.endpoint(), preboot, MAX_HEAP, ProcessBuilder.Redirect.INHERIT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.close();
            dynamo.close();
        }));

        try {
            payara.start();
        } catch (IllegalStateException e) {
            System.err.printf("%n  Tic-Tac-Toe did not start: %s%n%n", e.getMessage());
            System.exit(1);
        }
        System.out.printf(
                "%n  Tic-Tac-Toe is running at http://localhost:%d/%n  Games are kept in %s%n"
                        + "  Health: http://localhost:%d/health, metrics: %s%n"
                        + "  Press Ctrl-C to stop.%n%n",
                httpPort, data, httpPort, payara.metrics());
        System.exit(payara.waitFor());
    }
}
