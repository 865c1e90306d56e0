package com.tictactoe.infrastructure;

import com.tictactoe.application.Configuration;
import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the tables are and whether to create them, from system properties or environment
 * variables (property {@code tictactoe.dynamodb.endpoint} or variable
 * {@code TICTACTOE_DYNAMODB_ENDPOINT}, and so on), by {@link Configuration}.
 */
public record DynamoDbSettings(
        Optional<URI> endpoint,
        Optional<String> region,
        String gamesTable,
        String usersTable,
        String recordsTable,
        boolean createTables) {

    public static final String ENDPOINT = "tictactoe.dynamodb.endpoint";
    public static final String REGION = "tictactoe.dynamodb.region";
    public static final String GAMES_TABLE = "tictactoe.dynamodb.games-table";
    public static final String USERS_TABLE = "tictactoe.dynamodb.users-table";
    public static final String RECORDS_TABLE = "tictactoe.dynamodb.records-table";
    public static final String CREATE_TABLES = "tictactoe.dynamodb.create-tables";

    /** With the records in a table named {@code Records}. */
    public DynamoDbSettings(
            Optional<URI> endpoint,
            Optional<String> region,
            String gamesTable,
            String usersTable,
            boolean createTables) {
        this(endpoint, region, gamesTable, usersTable, "Records", createTables);
    }

    public static DynamoDbSettings fromEnvironment() {
        return from(name -> Configuration.value(name).orElse(null));
    }

    static DynamoDbSettings from(UnaryOperator<String> source) {
        Optional<URI> endpoint = nonBlank(source.apply(ENDPOINT)).map(URI::create);
        boolean local = endpoint.map(DynamoDbSettings::isLoopback).orElse(false);
        return new DynamoDbSettings(
                endpoint,
                nonBlank(source.apply(REGION)),
                nonBlank(source.apply(GAMES_TABLE)).orElse("Games"),
                nonBlank(source.apply(USERS_TABLE)).orElse("Users"),
                nonBlank(source.apply(RECORDS_TABLE)).orElse("Records"),
                nonBlank(source.apply(CREATE_TABLES)).map(Boolean::parseBoolean).orElse(local));
    }

    /** For the log at start: where the tables are, never a credential. */
    public String describe() {
        return "endpoint " + endpoint.map(URI::toString).orElse("AWS default") + ", region "
                + region.orElse("from the SDK's chain") + ", tables " + gamesTable + ", " + usersTable + " and "
                + recordsTable
                + ", create tables " + createTables;
    }

    /** DynamoDB Local on this machine: dummy credentials and table creation are fine there. */
    public boolean isLocal() {
        return endpoint.map(DynamoDbSettings::isLoopback).orElse(false);
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
