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
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

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
    /**
     * Not the original's: an open invitation's deadline in epoch seconds (a number), the table's
     * time to live attribute. Written by create, removed by the accept, never projected into the
     * indexes (lists judge invitations by StatusDate, which they hold already).
     */
    public static final String EXPIRES_AT = "ExpiresAt";
    /** The Result of a draw, as the original writes it. */
    public static final String TIE = "Tie";
    /** The Turn the original writes once a game is finished. */
    public static final String NO_TURN = "N/A";

    /** When the player to move got the turn (ISO-8601 UTC); only while a game is being played. */
    public static final String TURN_SINCE = "TurnSince";
    /** How a finished game ended if not by play: a name of {@code domain.Ending}. */
    public static final String ENDING = "Ending";
    /** Which of {@link #STALL_SHARDS} partitions of the stall index a game in progress is in. */
    public static final String STALL_SHARD = "StallShard";
    /** From when a game in progress counts as stalled, rounded up (see {@link StallIndex}). */
    public static final String STALLED_FROM = "StalledFrom";

    public static final int STALL_SHARDS = 16;

    public static final String HOST_INDEX = "HostId-StatusDate-index";
    public static final String OPPONENT_INDEX = "OpponentId-StatusDate-index";
    public static final String STALL_INDEX = "StallShard-StalledFrom-index";

    private GamesTable() {}

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(GAME_ID), stringAttribute(HOST_ID),
                        stringAttribute(OPPONENT_ID), stringAttribute(STATUS_DATE),
                        stringAttribute(STALL_SHARD), stringAttribute(STALLED_FROM))
                .keySchema(key(GAME_ID, KeyType.HASH))
                .globalSecondaryIndexes(
                        index(HOST_INDEX, HOST_ID, OPPONENT_ID),
                        index(OPPONENT_INDEX, OPPONENT_ID, HOST_ID),
                        stallIndex())
                .build();
    }

    /*
     * Sparse: only games being played carry its keys, so the sweep reads just the candidates and no
     * finished game. Spread over STALL_SHARDS partitions by game id, so that no single partition
     * takes every game's writes. Keys only: the sweep reads each candidate in full before ending it.
     */
    static GlobalSecondaryIndex stallIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(STALL_INDEX)
                .keySchema(key(STALL_SHARD, KeyType.HASH), key(STALLED_FROM, KeyType.RANGE))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.KEYS_ONLY)
                        .build())
                .build();
    }

    /**
     * Expired invitations are deleted by DynamoDB, some time after their deadline; until then the
     * app refuses them by their date (see {@link com.tictactoe.domain.InvitationLifetime}).
     */
    public static UpdateTimeToLiveRequest timeToLive(String tableName) {
        return UpdateTimeToLiveRequest.builder()
                .tableName(tableName)
                .timeToLiveSpecification(ttl -> ttl.attributeName(EXPIRES_AT).enabled(true))
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
