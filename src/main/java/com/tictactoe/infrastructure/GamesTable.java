package com.tictactoe.infrastructure;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The original's Games table: attribute names, index names and its definition. */
public final class GamesTable {

    public static final String GAME_ID = "GameId";
    public static final String HOST_ID = "HostId";
    public static final String OPPONENT_ID = "OpponentId";
    public static final String O_USER = "OUser";
    public static final String TURN = "Turn";
    public static final String STATUS_DATE = "StatusDate";
    public static final String RESULT = "Result";
    /**
     * Not the original's: the squares in the order they were played, their attribute names
     * separated by spaces ("MiddleMiddle TopLeft ..."), written by each move of this app with the
     * move. The original neither reads nor writes it, so an item it moved on records fewer squares
     * than it has marks (see MoveOrders).
     */
    public static final String MOVES = "Moves";
    /** The Result of a draw, as the original writes it. */
    public static final String TIE = "Tie";
    /** The Turn the original writes once a game is finished. */
    public static final String NO_TURN = "N/A";

    public static final String HOST_INDEX = "HostId-StatusDate-index";
    public static final String OPPONENT_INDEX = "OpponentId-StatusDate-index";

    private GamesTable() {}

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(GAME_ID), stringAttribute(HOST_ID),
                        stringAttribute(OPPONENT_ID), stringAttribute(STATUS_DATE))
                .keySchema(key(GAME_ID, KeyType.HASH))
                .globalSecondaryIndexes(
                        index(HOST_INDEX, HOST_ID, OPPONENT_ID), index(OPPONENT_INDEX, OPPONENT_ID, HOST_ID))
                .build();
    }

    /*
     * Projection INCLUDE (the other player and Result) rather than the original's ALL: what a
     * lobby list reads from an index entry (GameItems.toSummary), nothing more. An update that
     * changes an attribute an index projects is also written to that index and costs write
     * capacity there. A move changes a square and Turn; projecting neither keeps every move but
     * the last one a write to the base table only (the last one changes StatusDate, the index
     * key, anyway), which saves two index writes per move. The price is that the lobby reads Turn
     * of its games in progress with one BatchGetItem; reads cost a fifth of writes and that list
     * is ten games at most. OUser, the squares and Moves are never needed in a list, so they
     * would only make the indexes bigger (Moves, written by every move, would also cost the index
     * writes this saves). (The original app still runs on this table; its lobby just cannot
     * show whose turn it is.)
     */
    private static GlobalSecondaryIndex index(String name, String hashKey, String otherPlayer) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(hashKey, KeyType.HASH), key(STATUS_DATE, KeyType.RANGE))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(otherPlayer, RESULT)
                        .build())
                .build();
    }

    static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
