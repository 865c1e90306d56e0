package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.testsupport.DynamoDbLocalSession;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Tables the app creates itself (tictactoe.dynamodb.create-tables) are those of deploy/tables.yaml, time to live included. */
class TableBootstrapOnDynamoDbTest {

    private final String games = "Games-" + UUID.randomUUID();
    private final String users = "Users-" + UUID.randomUUID();
    private final DynamoDbSettings settings = new DynamoDbSettings(
            Optional.of(URI.create(DynamoDbLocalSession.endpoint())), Optional.empty(), games, users, true);
    private final DynamoDbClient client = DynamoDbClients.create(settings);

    @AfterEach
    void dropTables() {
        client.deleteTable(delete -> delete.tableName(games));
        client.deleteTable(delete -> delete.tableName(users));
        client.close();
    }

    /** As DynamoDbResources asks for them: expired invitations, sign-ins and attempt counters are deleted by DynamoDB. */
    @Test
    void createsBothTablesWithTheirTimeToLiveOnceAndLeavesThemAlone() {
        for (int start = 1; start <= 2; start++) {
            TableBootstrap.createMissing(
                    client,
                    List.of(GamesTable.definition(games), UsersTable.definition(users)),
                    DynamoDbResources.timesToLive(settings));
            for (String table : List.of(games, users)) {
                var ttl = client.describeTimeToLive(describe -> describe.tableName(table))
                        .timeToLiveDescription();
                assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus(), table + ", start " + start);
                assertEquals("ExpiresAt", ttl.attributeName(), table);
            }
        }
    }

    @Test
    void aGamesTableOfAnOlderVersionGetsTheIndexesAddedSince() {
        CreateTableRequest current = GamesTable.definition(games);
        CreateTableRequest older = current.toBuilder()
                .attributeDefinitions(current.attributeDefinitions().stream()
                        .filter(attribute -> !attribute.attributeName().startsWith("Stall"))
                        .toList())
                .globalSecondaryIndexes(current.globalSecondaryIndexes().stream()
                        .filter(index -> !index.indexName().equals(GamesTable.STALL_INDEX))
                        .toList())
                .build();
        client.createTable(older);
        TableBootstrap.createMissing(client, List.of(current, UsersTable.definition(users)));
        var indexes = client.describeTable(describe -> describe.tableName(games))
                .table()
                .globalSecondaryIndexes();
        assertEquals(
                Set.of(GamesTable.HOST_INDEX, GamesTable.OPPONENT_INDEX, GamesTable.STALL_INDEX),
                indexes.stream().map(index -> index.indexName()).collect(Collectors.toSet()));
    }
}
