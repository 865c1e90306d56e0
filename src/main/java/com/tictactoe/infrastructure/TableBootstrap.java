package com.tictactoe.infrastructure;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates the tables that are missing and waits until they are active. */
public final class TableBootstrap {

    private static final Logger LOG = Logger.getLogger(TableBootstrap.class.getName());

    private TableBootstrap() {
    }

    public static void createMissing(DynamoDbClient dynamo, List<CreateTableRequest> definitions) {
        Set<String> existing = Set.copyOf(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (CreateTableRequest definition : definitions) {
            if (!existing.contains(definition.tableName())) {
                try {
                    dynamo.createTable(definition);
                    LOG.info(() -> "Created table " + definition.tableName());
                } catch (ResourceInUseException alreadyBeingCreated) {
                    // another server instance got there first
                }
            }
            dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(definition.tableName()));
        }
    }
}
