package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.GamesTable.key;
import static com.tictactoe.infrastructure.GamesTable.stringAttribute;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The Records table: a player's wins, losses and draws. Its key is the player ({@value #PLAYER_ID})
 * and what the item counts ({@value #AGAINST}): {@value #TOTAL} for all games, {@value #VERSUS}
 * followed by the opponent's id for the games against them. A player's record, totals and every
 * head-to-head, is one partition, read with one Query. The names of the original's players are
 * free text, so the opponent's items carry a prefix no other key has.
 *
 * <p>The leaderboard is the sparse index {@value #LEADER_INDEX}: only totals items carry its keys,
 * {@value #LEADER_SHARD} (one of {@value #LEADER_SHARDS}, from the player's id) and {@value #SCORE}
 * (the ranking of {@code domain.Ranking}, kept by ADD in the finishing write). Spread over
 * {@value #LEADER_SHARDS} partitions, no one partition takes every finished game's writes; the top
 * ten are the best ten of the ten shards' best ten.
 */
public final class RecordsTable {

    public static final String PLAYER_ID = "PlayerId";
    public static final String AGAINST = "Against";
    public static final String WINS = "Wins";
    public static final String LOSSES = "Losses";
    public static final String DRAWS = "Draws";
    public static final String LEADER_SHARD = "LeaderShard";
    public static final String SCORE = "Score";

    /** {@value #AGAINST} of a player's totals. */
    public static final String TOTAL = "total";
    /** {@value #AGAINST} of a head-to-head item starts with this, then the opponent's id. */
    public static final String VERSUS = "vs#";

    public static final String LEADER_INDEX = "LeaderShard-Score-index";
    public static final int LEADER_SHARDS = 10;

    private RecordsTable() {}

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(PLAYER_ID),
                        stringAttribute(AGAINST),
                        stringAttribute(LEADER_SHARD),
                        AttributeDefinition.builder()
                                .attributeName(SCORE)
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(key(PLAYER_ID, KeyType.HASH), key(AGAINST, KeyType.RANGE))
                .globalSecondaryIndexes(leaderIndex())
                .build();
    }

    /* The counters are projected, so the leaderboard is read from the index alone. */
    private static GlobalSecondaryIndex leaderIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(LEADER_INDEX)
                .keySchema(key(LEADER_SHARD, KeyType.HASH), key(SCORE, KeyType.RANGE))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(WINS, LOSSES, DRAWS)
                        .build())
                .build();
    }

    /** The player's shard of the leaderboard: the same on every server and JVM (CRC-32 of the UTF-8 id). */
    static String shard(String playerId) {
        CRC32 crc = new CRC32();
        crc.update(playerId.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue() % LEADER_SHARDS);
    }

    static String versus(String opponentId) {
        return VERSUS + opponentId;
    }
}
