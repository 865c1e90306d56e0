package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.Configuration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbSettingsTest {

    @Test
    void defaultsAreTheOriginalsTablesOnAwsWithoutCreatingThem() {
        DynamoDbSettings settings = DynamoDbSettings.from(name -> null);
        assertEquals("Games", settings.gamesTable());
        assertEquals("Users", settings.usersTable());
        assertTrue(settings.endpoint().isEmpty());
        assertFalse(settings.createTables());
        assertFalse(settings.isLocal());
    }

    @Test
    void aLocalEndpointCreatesTablesUnlessTold() {
        Map<String, String> values = Map.of(DynamoDbSettings.ENDPOINT, "http://localhost:8000");
        assertTrue(DynamoDbSettings.from(values::get).createTables());
        Map<String, String> off = Map.of(
                DynamoDbSettings.ENDPOINT,
                "http://127.0.0.1:8000",
                DynamoDbSettings.CREATE_TABLES,
                "false",
                DynamoDbSettings.GAMES_TABLE,
                "TicTacToeGames");
        DynamoDbSettings settings = DynamoDbSettings.from(off::get);
        assertFalse(settings.createTables());
        assertEquals("TicTacToeGames", settings.gamesTable());
        assertFalse(DynamoDbSettings.from(
                        Map.of(DynamoDbSettings.ENDPOINT, "https://dynamodb.eu-west-1.amazonaws.com")::get)
                .createTables());
    }

    @Test
    void environmentVariableNamesFollowThePropertyNames() {
        assertEquals("TICTACTOE_DYNAMODB_GAMES_TABLE", Configuration.environmentName(DynamoDbSettings.GAMES_TABLE));
        assertEquals("TICTACTOE_DYNAMODB_ENDPOINT", Configuration.environmentName(DynamoDbSettings.ENDPOINT));
    }
}
