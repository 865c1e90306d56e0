package com.tictactoe.testsupport;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** DynamoDB Local as a server on a free loopback port, in memory, telemetry off. */
public final class DynamoDbLocal implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** In memory, on a free port: for tests. */
    public static DynamoDbLocal start() {
        return start(freePort(), "-inMemory");
    }

    /** Data kept in {@code directory} across restarts: for running the app locally. */
    public static DynamoDbLocal start(int port, Path directory) {
        return start(port, "-dbPath", directory.toString());
    }

    private static DynamoDbLocal start(int port, String... storage) {
        List<String> args = new ArrayList<>(List.of(storage));
        args.addAll(List.of("-sharedDb", "-port", String.valueOf(port), "-disableTelemetry"));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new DynamoDbLocal(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
