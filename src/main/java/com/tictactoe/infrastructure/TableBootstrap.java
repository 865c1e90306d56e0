package com.tictactoe.infrastructure;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** Creates the tables that are missing and waits until they are active. */
public final class TableBootstrap {

    private static final Logger LOG = Logger.getLogger(TableBootstrap.class.getName());

    private TableBootstrap() {}

    public static void createMissing(DynamoDbClient dynamo, List<CreateTableRequest> definitions) {
        createMissing(dynamo, definitions, List.of());
    }

    /**
     * As {@link #createMissing(DynamoDbClient, List)}, and switches on time to live where asked on
     * the tables it created. (Tables that existed are left as they are: deploy/tables.yaml
     * defines the same time to live.)
     */
    public static void createMissing(
            DynamoDbClient dynamo, List<CreateTableRequest> definitions, List<UpdateTimeToLiveRequest> timesToLive) {
        Set<String> existing =
                Set.copyOf(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (CreateTableRequest definition : definitions) {
            boolean created = false;
            if (!existing.contains(definition.tableName())) {
                try {
                    dynamo.createTable(definition);
                    created = true;
                    LOG.info(() -> "Created table " + definition.tableName());
                } catch (ResourceInUseException alreadyBeingCreated) {
                    // another server instance got there first, and sets its time to live
                }
            }
            dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(definition.tableName()));
            if (created) {
                timesToLive.stream()
                        .filter(ttl -> ttl.tableName().equals(definition.tableName()))
                        .forEach(dynamo::updateTimeToLive);
            }
        }
    }
}
