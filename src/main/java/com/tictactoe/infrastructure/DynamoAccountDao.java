package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.UsersTable.*;

import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Accounts in the Users table. A conditional put keeps two sign-ups from taking one name. */
public class DynamoAccountDao implements AccountRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountDao(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Account account) {
        try {
            DynamoCalls.available(() -> dynamo.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            USER_KEY, AttributeValue.fromS(account.key()),
                            USERNAME, AttributeValue.fromS(account.username()),
                            PASSWORD_HASH, AttributeValue.fromS(account.passwordHash()),
                            CREATED_AT, AttributeValue.fromS(Instant.now().toString())))
                    .conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", USER_KEY))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<Account> find(String username) {
        Map<String, AttributeValue> item = DynamoCalls.available(() -> dynamo.getItem(get ->
                        get.tableName(table).key(Map.of(USER_KEY, AttributeValue.fromS(Account.keyOf(username))))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Account(item.get(USERNAME).s(), item.get(PASSWORD_HASH).s()));
    }
}
