package com.tictactoe.infrastructure;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the tables that are missing and waits until they are active; adds the indexes a table
 * made by an older version lacks.
 */
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
            if (!created) {
                addMissingIndexes(dynamo, definition);
            }
            if (created) {
                timesToLive.stream()
                        .filter(ttl -> ttl.tableName().equals(definition.tableName()))
                        .forEach(dynamo::updateTimeToLive);
            }
        }
    }

    /*
     * A table kept from an older version (the local run keeps its data) lacks the indexes added
     * since. One index at a time: DynamoDB takes one index creation per UpdateTable call.
     */
    private static void addMissingIndexes(DynamoDbClient dynamo, CreateTableRequest definition) {
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(definition.tableName()))
                .table();
        Set<String> present = table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        for (GlobalSecondaryIndex index : definition.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            Set<String> keys = index.keySchema().stream()
                    .map(KeySchemaElement::attributeName)
                    .collect(Collectors.toSet());
            try {
                dynamo.updateTable(update -> update.tableName(definition.tableName())
                        .attributeDefinitions(definition.attributeDefinitions().stream()
                                .filter(attribute -> keys.contains(attribute.attributeName()))
                                .toList())
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(CreateGlobalSecondaryIndexAction.builder()
                                        .indexName(index.indexName())
                                        .keySchema(index.keySchema())
                                        .projection(index.projection())
                                        .build())
                                .build()));
                LOG.info(() -> "Added index " + index.indexName() + " to table " + definition.tableName());
            } catch (ResourceInUseException | LimitExceededException beingChanged) {
                // another server instance is adding it, or the table is busy: the next start tries again
                LOG.warning(() -> "Could not add index " + index.indexName() + " now: " + beingChanged.getMessage());
            }
        }
    }
}
