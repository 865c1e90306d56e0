package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.UsersTable.ATTEMPTS;
import static com.tictactoe.infrastructure.UsersTable.EXPIRES_AT;
import static com.tictactoe.infrastructure.UsersTable.USER_KEY;

import com.tictactoe.domain.AttemptCounterRepository;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Attempt counters as items of the Users table, keyed by a prefix that no username can have. Each
 * change is one {@code UpdateItem} with {@code ADD}, which DynamoDB applies atomically however
 * many servers count at once; the limit is the update's condition. The expiry is the table's
 * time-to-live attribute, so DynamoDB removes old counters by itself.
 */
public class DynamoAttemptCounterDao implements AttemptCounterRepository {

    /** Usernames are letters, digits, '_' and '-': this prefix can never be one. */
    static final String KEY_PREFIX = "~limit~";

    private static final Map<String, String> NAMES = Map.of("#attempts", ATTEMPTS, "#expires", EXPIRES_AT);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAttemptCounterDao(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean addUnlessAtLimit(String key, int limit, Instant expiresAt) {
        try {
            DynamoCalls.available(() -> dynamo.updateItem(update -> update.tableName(table)
                    .key(key(key))
                    .updateExpression("ADD #attempts :one SET #expires = :expires")
                    .conditionExpression("attribute_not_exists(#attempts) OR #attempts < :limit")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))));
            return true;
        } catch (ConditionalCheckFailedException atLimit) {
            return false;
        }
    }

    @Override
    public void takeBack(String key) {
        try {
            // The condition keeps a counter that expired meanwhile from coming back at -1, without expiry.
            DynamoCalls.available(() -> dynamo.updateItem(update -> update.tableName(table)
                    .key(key(key))
                    .updateExpression("ADD #attempts :minusOne")
                    .conditionExpression("#attempts > :zero")
                    .expressionAttributeNames(Map.of("#attempts", ATTEMPTS))
                    .expressionAttributeValues(Map.of(
                            ":minusOne", AttributeValue.fromN("-1"),
                            ":zero", AttributeValue.fromN("0")))));
        } catch (ConditionalCheckFailedException nothingToTakeBack) {
            // already gone
        }
    }

    @Override
    public void clear(String key) {
        DynamoCalls.available(
                () -> dynamo.deleteItem(delete -> delete.tableName(table).key(key(key))));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(USER_KEY, AttributeValue.fromS(KEY_PREFIX + key));
    }
}
