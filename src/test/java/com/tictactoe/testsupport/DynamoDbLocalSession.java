package com.tictactoe.testsupport;

import com.tictactoe.run.DynamoDbLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one DynamoDB Local for the whole test run, before Arquillian reads arquillian.xml, and
 * publishes its port as the system property {@code ddb.port} and its address as
 * {@code tictactoe.dynamodb.endpoint}; it also picks a free port for the servers' metrics listener,
 * {@code metrics.port}. Its data lives in a folder under target/, so that a test
 * can take it down and bring it back on the same port with the tables still there.
 */
public class DynamoDbLocalSession implements LauncherSessionListener {

    /**
     * Set to true, one DynamoDB Local serves every session of the JVM until it exits. PIT opens a
     * session for each test it runs against a mutant: without this, each would start its own.
     */
    public static final String KEEP_RUNNING = "tictactoe.test.dynamodb-per-jvm";

    private static DynamoDbLocal server;
    private static int port;
    private static Path data;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        synchronized (DynamoDbLocalSession.class) {
            if (server == null) {
                try {
                    Files.createDirectories(Path.of("target"));
                    data = Files.createTempDirectory(Path.of("target"), "dynamodb-test-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                port = DynamoDbLocal.freePort();
                server = DynamoDbLocal.start(port, data);
                System.setProperty("ddb.port", String.valueOf(port));
                // The port of the listener that alone serves /metrics on the servers Arquillian starts.
                System.setProperty("metrics.port", String.valueOf(DynamoDbLocal.freePort()));
                System.setProperty("tictactoe.dynamodb.endpoint", server.endpoint());
                if (Boolean.getBoolean(KEEP_RUNNING)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(DynamoDbLocalSession::stopAtExit));
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (Boolean.getBoolean(KEEP_RUNNING)) {
            return;
        }
        synchronized (DynamoDbLocalSession.class) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    private static synchronized void stopAtExit() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static String endpoint() {
        String endpoint = System.getProperty("tictactoe.dynamodb.endpoint");
        if (endpoint == null) {
            throw new IllegalStateException("DynamoDB Local was not started for this test run");
        }
        return endpoint;
    }

    /** Takes DynamoDB down, as an outage would. */
    public static synchronized void stop() {
        server.close();
    }

    /** Brings DynamoDB back on the same port with the same data. */
    public static synchronized void restart() {
        server = DynamoDbLocal.start(port, data);
    }
}
