package com.tictactoe.infrastructure;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The Users table: one item per account, keyed by the lower-cased username, one per long-lived
 * sign-in (see {@link DynamoSignInTokenDao}) and one per attempt counter (see
 * {@link DynamoAttemptCounterDao}); the last two expire through the table's time-to-live attribute
 * {@value #EXPIRES_AT}.
 */
public final class UsersTable {

    public static final String USER_KEY = "UserKey";
    public static final String USERNAME = "Username";
    public static final String PASSWORD_HASH = "PasswordHash";
    public static final String CREATED_AT = "CreatedAt";
    public static final String EXPIRES_AT = "ExpiresAt";
    public static final String ATTEMPTS = "Attempts";

    private UsersTable() {}

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(GamesTable.stringAttribute(USER_KEY))
                .keySchema(GamesTable.key(USER_KEY, KeyType.HASH))
                .build();
    }

    /** Expired sign-ins and attempt counters are deleted by DynamoDB (the DAOs also ignore them until then). */
    public static UpdateTimeToLiveRequest timeToLive(String tableName) {
        return UpdateTimeToLiveRequest.builder()
                .tableName(tableName)
                .timeToLiveSpecification(ttl -> ttl.attributeName(EXPIRES_AT).enabled(true))
                .build();
    }
}
