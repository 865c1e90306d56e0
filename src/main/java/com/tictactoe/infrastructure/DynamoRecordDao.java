package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.RecordsTable.*;

import com.tictactoe.domain.PlayerRecord;
import com.tictactoe.domain.Ranking;
import com.tictactoe.domain.RecordRepository;
import com.tictactoe.domain.Standing;
import com.tictactoe.domain.WinLossDraw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the Records table (see {@link RecordsTable}); what it holds is written only by the
 * transactions that finish games ({@link DynamoGameDao}).
 */
public class DynamoRecordDao implements RecordRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Executor executor;

    public DynamoRecordDao(DynamoDbClient dynamo, String table, Executor executor) {
        this.dynamo = dynamo;
        this.table = table;
        this.executor = executor;
    }

    /** One consistent GetItem of the totals item: 1 read unit. */
    @Override
    public WinLossDraw totalsOf(String player) {
        Map<String, AttributeValue> item = DynamoCalls.available(() -> dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of(PLAYER_ID, AttributeValue.fromS(player), AGAINST, AttributeValue.fromS(TOTAL)))
                        .consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? WinLossDraw.NONE : counted(item);
    }

    /*
     * The player's partition holds the totals and one item per opponent, some 60 bytes each: one
     * consistent Query reads 60 opponents per read unit, and pages on past 1 MB (about 15,000
     * opponents), which no player of a game between friends reaches.
     */
    @Override
    public PlayerRecord recordOf(String player) {
        Expression key = new Expression().equal(PLAYER_ID, player);
        WinLossDraw overall = WinLossDraw.NONE;
        List<Standing> headToHead = new ArrayList<>();
        Map<String, AttributeValue> from = null;
        do {
            QueryRequest request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression(key.condition())
                    .expressionAttributeNames(key.names())
                    .expressionAttributeValues(key.values())
                    .exclusiveStartKey(from)
                    .consistentRead(true)
                    .build();
            var response = DynamoCalls.available(() -> dynamo.query(request));
            for (Map<String, AttributeValue> item : response.items()) {
                String against = GameItems.string(item, AGAINST);
                if (TOTAL.equals(against)) {
                    overall = counted(item);
                } else if (against != null && against.startsWith(VERSUS)) {
                    headToHead.add(new Standing(against.substring(VERSUS.length()), counted(item)));
                }
            }
            from = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        } while (from != null);
        return new PlayerRecord(player, overall, headToHead);
    }

    /*
     * Each shard's best `count`, read in parallel from the sparse index (eventually consistent, a
     * few hundred bytes a shard: half a read unit each), then the best `count` of them all. The
     * index orders by score only; the merge adds the rule's last criterion, the name.
     */
    @Override
    public List<Standing> leaders(int count) {
        List<CompletableFuture<List<Standing>>> shards = new ArrayList<>();
        for (int shard = 0; shard < LEADER_SHARDS; shard++) {
            String shardKey = Integer.toString(shard);
            shards.add(CompletableFuture.supplyAsync(() -> bestOf(shardKey, count), executor));
        }
        List<Standing> all = new ArrayList<>();
        for (CompletableFuture<List<Standing>> shard : shards) {
            all.addAll(DynamoCalls.joined(shard));
        }
        all.sort(Ranking.ORDER);
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    private List<Standing> bestOf(String shard, int count) {
        Expression key = new Expression().equal(LEADER_SHARD, shard);
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .indexName(LEADER_INDEX)
                .keyConditionExpression(key.condition())
                .expressionAttributeNames(key.names())
                .expressionAttributeValues(key.values())
                .scanIndexForward(false)
                .limit(count)
                .build();
        return DynamoCalls.available(() -> dynamo.query(request)).items().stream()
                .map(item -> new Standing(GameItems.string(item, PLAYER_ID), counted(item)))
                .toList();
    }

    private static WinLossDraw counted(Map<String, AttributeValue> item) {
        return new WinLossDraw(number(item, WINS), number(item, LOSSES), number(item, DRAWS));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
