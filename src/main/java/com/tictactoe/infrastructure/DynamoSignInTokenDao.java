package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.UsersTable.EXPIRES_AT;
import static com.tictactoe.infrastructure.UsersTable.USERNAME;
import static com.tictactoe.infrastructure.UsersTable.USER_KEY;

import com.tictactoe.domain.SignInTokenRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sign-in tokens as items of the Users table, keyed by a prefix that no username can have. The
 * expiry is also the table's time-to-live attribute, so DynamoDB removes old tokens by itself.
 */
public class DynamoSignInTokenDao implements SignInTokenRepository {

    /** Usernames are letters, digits, '_' and '-': this prefix can never be one. */
    static final String KEY_PREFIX = "~signin~";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSignInTokenDao(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void store(String tokenHash, String username, Instant expiresAt) {
        DynamoCalls.available(() -> dynamo.putItem(put -> put.tableName(table)
                .item(Map.of(
                        USER_KEY, AttributeValue.fromS(KEY_PREFIX + tokenHash),
                        USERNAME, AttributeValue.fromS(username),
                        EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))));
    }

    @Override
    public Optional<String> usernameFor(String tokenHash, Instant now) {
        Map<String, AttributeValue> item = DynamoCalls.available(
                        () -> dynamo.getItem(get -> get.tableName(table).key(key(tokenHash))))
                .item();
        if (item == null || item.isEmpty() || !item.containsKey(EXPIRES_AT)) {
            return Optional.empty();
        }
        // DynamoDB deletes expired items only eventually: the expiry is checked here too.
        if (Long.parseLong(item.get(EXPIRES_AT).n()) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(item.get(USERNAME).s());
    }

    @Override
    public void delete(String tokenHash) {
        DynamoCalls.available(
                () -> dynamo.deleteItem(delete -> delete.tableName(table).key(key(tokenHash))));
    }

    private static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of(USER_KEY, AttributeValue.fromS(KEY_PREFIX + tokenHash));
    }
}
