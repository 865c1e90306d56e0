package com.tictactoe.testsupport;

import com.tictactoe.infrastructure.DynamoDbClients;
import com.tictactoe.infrastructure.DynamoDbSettings;
import com.tictactoe.infrastructure.GamesTable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The app's Games table on the test run's DynamoDB Local, read as stored with the low-level
 * client: what the tests of the deployed app compare before and after a request. Either closed
 * after use, or held in a {@code @RegisterExtension} static field, which closes it after the
 * class's last test.
 */
public final class StoredGames implements AutoCloseable, AfterAllCallback {

    private static final String TABLE = "Games";

    private final DynamoDbClient client;

    private StoredGames(DynamoDbClient client) {
        this.client = client;
    }

    /** A client of its own to the DynamoDB Local of this test run; close it when done. */
    public static StoredGames open() {
        return new StoredGames(DynamoDbClients.create(new DynamoDbSettings(
                Optional.of(URI.create(DynamoDbLocalSession.endpoint())), Optional.empty(), TABLE, "Users", false)));
    }

    /** Every item of the table, read consistently, in the order a scan returns them. */
    public List<Map<String, AttributeValue>> all() {
        return client.scanPaginator(scan -> scan.tableName(TABLE).consistentRead(true)).items().stream()
                .toList();
    }

    /** The item of game {@code gameId}, read consistently: empty if there is none. */
    public Map<String, AttributeValue> get(String gameId) {
        return client.getItem(get -> get.tableName(TABLE).consistentRead(true).key(key(gameId)))
                .item();
    }

    /** Writes to game {@code gameId} behind the app's back, as another server would; table and key are set. */
    public void update(String gameId, Consumer<UpdateItemRequest.Builder> update) {
        client.updateItem(request -> update.accept(request.tableName(TABLE).key(key(gameId))));
    }

    /** Stores {@code item} as it is, behind the app's back (a game as the original or another server wrote it). */
    public void put(Map<String, AttributeValue> item) {
        client.putItem(put -> put.tableName(TABLE).item(item));
    }

    private static Map<String, AttributeValue> key(String gameId) {
        return Map.of(GamesTable.GAME_ID, AttributeValue.fromS(gameId));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
    }
}
