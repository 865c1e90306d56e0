package com.tictactoe.run;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * DynamoDB Local as a server in this JVM, telemetry off, its data kept in a folder. Used by
 * {@link LocalRun} and by the tests.
 *
 * <p>DynamoDB Local 2.x carries SQLite's native library for Linux (x86-64, aarch64, x86), macOS
 * (x86-64, arm64) and Windows (x64, x86) and loads the one for the running OS and architecture
 * itself: nothing to set up per platform.
 */
public final class DynamoDbLocal implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Data kept in {@code directory} across restarts, served on {@code port} (all interfaces). */
    public static DynamoDbLocal start(int port, Path directory) {
        String[] args = {
            "-dbPath", directory.toString(), "-sharedDb", "-port", String.valueOf(port), "-disableTelemetry"
        };
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
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
