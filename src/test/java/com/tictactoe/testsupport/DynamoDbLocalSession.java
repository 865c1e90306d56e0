package com.tictactoe.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one DynamoDB Local for the whole test run, before Arquillian reads arquillian.xml, and
 * publishes its port as the system property {@code ddb.port} and its address as
 * {@code tictactoe.dynamodb.endpoint}.
 */
public class DynamoDbLocalSession implements LauncherSessionListener {

    private static DynamoDbLocal server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        synchronized (DynamoDbLocalSession.class) {
            if (server == null) {
                server = DynamoDbLocal.start();
                System.setProperty("ddb.port", String.valueOf(server.port()));
                System.setProperty("tictactoe.dynamodb.endpoint", server.endpoint());
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (DynamoDbLocalSession.class) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    public static String endpoint() {
        String endpoint = System.getProperty("tictactoe.dynamodb.endpoint");
        if (endpoint == null) {
            throw new IllegalStateException("DynamoDB Local was not started for this test run");
        }
        return endpoint;
    }
}
