package com.tictactoe.infrastructure;

import static com.tictactoe.infrastructure.GamesTable.*;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.HistoryPage;
import com.tictactoe.domain.InvitationLifetime;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Mark;
import com.tictactoe.domain.PendingLifetimes;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.StatusDate;
import com.tictactoe.domain.TimeLimits;
import com.tictactoe.domain.WriteConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The Games table on DynamoDB: the only place that talks to it about games. Every state change is
 * one conditional write; the SDK retries throttling with backoff, a failed condition is never
 * retried but reported with the item as it is now.
 */
public class DynamoGameDao implements GameRepository {

    private static final int BATCH_GET_ATTEMPTS = 5;

    /** A finishing transaction cancelled by others writing the same records is tried this often in all. */
    static final int FINISH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final RecordUpdates records;
    private final Executor executor;
    private final StallIndex stallIndex;
    private final PendingLifetimes lifetimes;

    /** With invitations and challenges open for {@link InvitationLifetime#DEFAULT}; records go to {@code recordsTable}. */
    public DynamoGameDao(DynamoDbClient dynamo, String table, String recordsTable, Executor executor) {
        this(dynamo, table, recordsTable, executor, TimeLimits.DEFAULT, PendingLifetimes.DEFAULT);
    }

    public DynamoGameDao(
            DynamoDbClient dynamo, String table, String recordsTable, Executor executor, TimeLimits limits) {
        this(dynamo, table, recordsTable, executor, limits, PendingLifetimes.DEFAULT);
    }

    /** With invitations open for {@code lifetime}, challenges for the default. */
    public DynamoGameDao(
            DynamoDbClient dynamo, String table, String recordsTable, Executor executor, InvitationLifetime lifetime) {
        this(dynamo, table, recordsTable, executor, new PendingLifetimes(lifetime, InvitationLifetime.DEFAULT));
    }

    public DynamoGameDao(
            DynamoDbClient dynamo, String table, String recordsTable, Executor executor, PendingLifetimes lifetimes) {
        this(dynamo, table, recordsTable, executor, TimeLimits.DEFAULT, lifetimes);
    }

    public DynamoGameDao(
            DynamoDbClient dynamo,
            String table,
            String recordsTable,
            Executor executor,
            TimeLimits limits,
            PendingLifetimes lifetimes) {
        this(dynamo, table, new RecordUpdates(recordsTable), executor, limits, lifetimes);
    }

    DynamoGameDao(
            DynamoDbClient dynamo,
            String table,
            RecordUpdates records,
            Executor executor,
            TimeLimits limits,
            PendingLifetimes lifetimes) {
        this.dynamo = dynamo;
        this.table = table;
        this.records = records;
        this.executor = executor;
        this.stallIndex = new StallIndex(limits);
        this.lifetimes = lifetimes;
    }

    /**
     * The invitation's or challenge's item carries its deadline, for time to live to delete it once
     * expired.
     */
    @Override
    public void create(Game game) {
        Expression condition = new Expression().notExists(GAME_ID);
        Map<String, AttributeValue> item = new HashMap<>(GameItems.toItem(game));
        item.put(
                EXPIRES_AT,
                AttributeValue.fromN(Long.toString(
                        lifetimes.of(game).deadlineOf(game.statusDate().date()).getEpochSecond())));
        try {
            DynamoCalls.available(() -> dynamo.putItem(put -> put.tableName(table)
                    .item(item)
                    .conditionExpression(condition.condition())
                    .expressionAttributeNames(condition.names())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        } catch (ConditionalCheckFailedException e) {
            throw conflict(game.gameId(), e);
        }
    }

    @Override
    public Optional<Game> find(String gameId) {
        Map<String, AttributeValue> item = DynamoCalls.available(() -> dynamo.getItem(
                        get -> get.tableName(table).key(GameItems.key(gameId)).consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(GameItems.toGame(item));
    }

    /*
     * Only an invitation open at `now` is accepted, whatever the item's age: by its date, the rule
     * the lists follow, which also covers the original's items (they have no ExpiresAt); and by its
     * ExpiresAt, so that a game time to live may delete at any moment is never started. Removing
     * ExpiresAt in the same write keeps the game from being deleted once it is played.
     */
    @Override
    public Game accept(String gameId, String opponentId, Instant now) {
        Expression invitee = new Expression().exists(GAME_ID).equal(OPPONENT_ID, opponentId);
        return start(gameId, invitee, lifetimes.invitations(), now);
    }

    /*
     * As an accepted invitation, and stored exactly like one: the same write with OpponentId set by
     * it. attribute_not_exists(OpponentId) makes the first of any number of players accepting at
     * once the only one whose write lands; the others' conditions fail on the item it left. The host
     * is refused by the condition too, not only by the rules checked before.
     */
    @Override
    public Game acceptChallenge(String gameId, String playerId, Instant now) {
        Expression taker = new Expression()
                .exists(GAME_ID)
                .notExists(OPPONENT_ID)
                .notEqual(HOST_ID, playerId)
                .set(OPPONENT_ID, playerId);
        return start(gameId, taker, lifetimes.challenges(), now);
    }

    /**
     * Starts a pending game that has not expired by {@code lifetime} at {@code now}, if it also meets
     * {@code who}, the condition on who may start it (and what that sets).
     */
    private Game start(String gameId, Expression who, InvitationLifetime lifetime, Instant now) {
        Expression update = who.beginsWith(STATUS_DATE, StatusDates.prefix(GameStatus.PENDING))
                .atLeast(STATUS_DATE, StatusDates.firstOf(GameStatus.PENDING, lifetime.openSince(now)))
                .absentOrAbove(EXPIRES_AT, now.getEpochSecond())
                .set(STATUS_DATE, StatusDates.format(new StatusDate(GameStatus.IN_PROGRESS, now)))
                .set(TURN_SINCE, GameItems.time(now))
                .set(STALL_SHARD, StallIndex.shard(gameId))
                .set(STALLED_FROM, stallIndex.stalledFrom(now))
                .remove(EXPIRES_AT);
        try {
            return GameItems.toGame(DynamoCalls.available(() -> dynamo.updateItem(request -> request.tableName(table)
                            .key(GameItems.key(gameId))
                            .updateExpression(update.update())
                            .conditionExpression(update.condition())
                            .expressionAttributeNames(update.names())
                            .expressionAttributeValues(update.values())
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                    .attributes());
        } catch (ConditionalCheckFailedException e) {
            throw conflict(gameId, e);
        }
    }

    @Override
    public Game decline(String gameId, String opponentId) {
        return deletePending(gameId, OPPONENT_ID, opponentId);
    }

    @Override
    public Game cancel(String gameId, String hostId) {
        return deletePending(gameId, HOST_ID, hostId);
    }

    /* An expired invitation is deleted too: what time to live would do, sooner. */
    private Game deletePending(String gameId, String playerAttribute, String playerId) {
        Expression condition = new Expression()
                .exists(GAME_ID)
                .equal(playerAttribute, playerId)
                .beginsWith(STATUS_DATE, StatusDates.prefix(GameStatus.PENDING));
        try {
            return GameItems.toGame(DynamoCalls.available(() -> dynamo.deleteItem(delete -> delete.tableName(table)
                            .key(GameItems.key(gameId))
                            .conditionExpression(condition.condition())
                            .expressionAttributeNames(condition.names())
                            .expressionAttributeValues(condition.values())
                            .returnValues(ReturnValue.ALL_OLD)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                    .attributes());
        } catch (ConditionalCheckFailedException e) {
            throw conflict(gameId, e);
        }
    }

    /*
     * The condition pins the whole state the move was computed from: in progress, the player to
     * move and every square. (StatusDate is matched by prefix: items from the original may store
     * the date in a shorter form than the one this app writes.) Whether the move wins or draws was decided on that state,
     * so the finishing attributes can go in the same write without reading the item first.
     *
     * The order of play (Moves) goes in the same write, as the order before the move and this
     * square: the condition pins every square, and only a move changes Moves, always together
     * with a square, so the item's Moves is the one the before-state was read with. Every state a
     * server keeps carries it: read from the item, made by its own move, or sent by another server
     * with the game (GameChangeMessages; one from a server of the version before, during a rolling
     * update, carries none, and that game loses its replay). A move of the original app changes a
     * square without Moves: from then on Moves records fewer squares than the board has marks,
     * and the game is not replayed.
     */
    @Override
    public void move(Game before, Game after, Square square) {
        Expression update = new Expression()
                .beginsWith(STATUS_DATE, StatusDates.prefix(GameStatus.IN_PROGRESS))
                .equal(TURN, before.turn());
        for (Square each : Square.values()) {
            Optional<Mark> mark = before.board().markAt(each);
            if (mark.isPresent()) {
                update.equal(SquareAttributes.of(each), mark.get().name());
            } else {
                update.notExists(SquareAttributes.of(each));
            }
        }
        update.set(
                        SquareAttributes.of(square),
                        after.board().markAt(square).orElseThrow().name())
                .set(TURN, GameItems.turnValue(after))
                .set(MOVES, MoveOrders.format(after.board().playedOrder()));
        if (after.status() != before.status()) {
            update.set(STATUS_DATE, StatusDates.format(after.statusDate())).set(RESULT, GameItems.resultValue(after));
        }
        turnTimes(before, after, update);
        if (after.status() == GameStatus.FINISHED) {
            finishIfUnchanged(after, update);
        } else {
            updateIfUnchanged(before.gameId(), update);
        }
    }

    /**
     * The turn's time and the game's place in the stall index, in the same write as the change of
     * turn: set while the game is played (the index key only when it moves to another span), and
     * removed with the end of the game, which takes it out of the sparse index.
     */
    private void turnTimes(Game before, Game after, Expression update) {
        if (before.board().moveCount() == 0) {
            // The original app's accept leaves an invitation's time to live on the game it starts.
            update.remove(EXPIRES_AT);
        }
        if (after.status() != GameStatus.IN_PROGRESS) {
            update.remove(TURN_SINCE).remove(STALL_SHARD).remove(STALLED_FROM);
            return;
        }
        update.set(TURN_SINCE, GameItems.time(after.turnSince()));
        Optional<String> was = stallIndex.stalledFrom(before);
        String now = stallIndex.stalledFrom(after).orElseThrow();
        if (was.isEmpty()) {
            // The last move was the original app's, which keeps no times: the game joins the index.
            update.set(STALL_SHARD, StallIndex.shard(after.gameId()));
        }
        if (!was.equals(Optional.of(now))) {
            update.set(STALLED_FROM, now);
        }
    }

    /*
     * Resigned, claimed or timed out: the condition pins the state the ending was decided on (being
     * played, the player to move and since when), so a move that lands first makes it fail, and
     * of two sweeps ending one stalled game only the first writes.
     */
    @Override
    public void end(Game before, Game after) {
        Expression update = new Expression()
                .beginsWith(STATUS_DATE, StatusDates.prefix(GameStatus.IN_PROGRESS))
                .equal(TURN, before.turn());
        if (before.turnSince() == null) {
            update.notExists(TURN_SINCE);
        } else {
            update.equal(TURN_SINCE, GameItems.time(before.turnSince()));
        }
        update.set(STATUS_DATE, StatusDates.format(after.statusDate()))
                .set(RESULT, GameItems.resultValue(after))
                .set(TURN, GameItems.turnValue(after))
                .set(ENDING, after.ending().name());
        turnTimes(before, after, update);
        finishIfUnchanged(after, update);
    }

    /*
     * One query per shard of the sparse stall index, each reading keys only and at most perShard:
     * a sweep reads what is due and nothing of the games still within their time.
     */
    @Override
    public List<String> stalledBy(Instant now, int perShard) {
        List<String> due = new ArrayList<>();
        for (int shard = 0; shard < STALL_SHARDS; shard++) {
            Expression key = new Expression()
                    .equal(STALL_SHARD, Integer.toString(shard))
                    .lessOrEqual(STALLED_FROM, StallIndex.upTo(now));
            QueryRequest request = queryOn(STALL_INDEX, key).limit(perShard).build();
            DynamoCalls.available(() -> dynamo.query(request)).items().stream()
                    .map(item -> GameItems.string(item, GAME_ID))
                    .forEach(due::add);
        }
        return due;
    }

    /** One conditional UpdateItem; a failed condition is a conflict that carries the item as it is. */
    private void updateIfUnchanged(String gameId, Expression update) {
        try {
            DynamoCalls.available(() -> dynamo.updateItem(request -> request.tableName(table)
                    .key(GameItems.key(gameId))
                    .updateExpression(update.update())
                    .conditionExpression(update.condition())
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        } catch (ConditionalCheckFailedException e) {
            throw conflict(gameId, e);
        }
    }

    /*
     * The write that finishes a game and the records it adds to, as one TransactWriteItems: the same
     * conditional update of the game as any other change, and the players' counters (RecordUpdates).
     * Both happen or neither, so a record counts a game exactly when the game is stored finished, and
     * at most once: a second attempt finds the game finished and fails its condition, whoever sends
     * it. The call's token (FinishTokens) lets the SDK's retry of a call whose answer was lost be
     * answered as the success it was, instead of as that failed condition.
     *
     * A transaction is cancelled, without writing anything, when another one is writing one of its
     * items (TransactionConflict): games of one player finishing at once, both adding to the
     * player's totals. That is tried again here, with a new token, as nothing was written.
     */
    private void finishIfUnchanged(Game after, Expression update) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .update(game -> game.tableName(table)
                        .key(GameItems.key(after.gameId()))
                        .updateExpression(update.update())
                        .conditionExpression(update.condition())
                        .expressionAttributeNames(update.names())
                        .expressionAttributeValues(update.values())
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build());
        items.addAll(records.of(after));
        for (int attempt = 1; ; attempt++) {
            String token = FinishTokens.next();
            try {
                DynamoCalls.available(() -> dynamo.transactWriteItems(
                        write -> write.transactItems(items).clientRequestToken(token)));
                return;
            } catch (TransactionCanceledException e) {
                Cancellation cancellation = Cancellation.of(e);
                if (cancellation.conditionFailed()) {
                    throw conflict(after.gameId(), cancellation.item(), Cancellation.retried(e));
                }
                if (!cancellation.conflicting() || attempt >= FINISH_ATTEMPTS || !backOff(attempt)) {
                    throw cancellation.failure(e);
                }
            }
        }
    }

    private WriteConflictException conflict(String gameId, ConditionalCheckFailedException e) {
        return conflict(gameId, e.item(), e.numAttempts() != null && e.numAttempts() > 1);
    }

    private WriteConflictException conflict(String gameId, Map<String, AttributeValue> item, boolean retried) {
        if (item != null && !item.isEmpty()) {
            return new WriteConflictException(GameItems.toGame(item), retried);
        }
        // No old item: usually there is no such game, but not every endpoint returns old items.
        return new WriteConflictException(find(gameId).orElse(null), retried);
    }

    @Override
    public List<GameSummary> invitationsBy(String userId, int limit) {
        return query(HOST_INDEX, HOST_ID, userId, GameStatus.PENDING, limit);
    }

    /*
     * Select COUNT with a Limit: DynamoDB stops after upTo index entries and sends no items back.
     * It costs what reading those entries costs (a few hundred bytes each: well under one read unit
     * for twenty), so a check before every invitation is cheap. Expired invitations are outside the
     * key condition's range (see keyOf), so they neither count nor cost a read.
     */
    @Override
    public int countInvitationsFor(String userId, int upTo) {
        Expression key = keyOf(OPPONENT_ID, userId, GameStatus.PENDING, Instant.now());
        QueryRequest request =
                queryOn(OPPONENT_INDEX, key).select(Select.COUNT).limit(upTo).build();
        return DynamoCalls.available(() -> dynamo.query(request)).count();
    }

    /*
     * Six independent queries: five go to the executor while this thread runs the sixth. The two
     * invitation lists ask for one more than they show: an extra one means older ones exist.
     */
    @Override
    public Lobby lobbyOf(String userId) {
        CompletableFuture<List<GameSummary>> invitations =
                async(() -> query(OPPONENT_INDEX, OPPONENT_ID, userId, GameStatus.PENDING, INVITATIONS_SHOWN + 1));
        CompletableFuture<List<GameSummary>> sent = async(() -> invitationsBy(userId, SENT_SHOWN + 1));
        CompletableFuture<List<GameSummary>> hostedPlaying =
                async(() -> query(HOST_INDEX, HOST_ID, userId, GameStatus.IN_PROGRESS, LIST_LIMIT));
        CompletableFuture<List<GameSummary>> invitedPlaying =
                async(() -> query(OPPONENT_INDEX, OPPONENT_ID, userId, GameStatus.IN_PROGRESS, LIST_LIMIT));
        CompletableFuture<List<GameSummary>> hostedFinished =
                async(() -> query(HOST_INDEX, HOST_ID, userId, GameStatus.FINISHED, LIST_LIMIT));
        List<GameSummary> invitedFinished = query(OPPONENT_INDEX, OPPONENT_ID, userId, GameStatus.FINISHED, LIST_LIMIT);
        List<GameSummary> inProgress = withTurns(newestOf(join(hostedPlaying), join(invitedPlaying)));
        List<GameSummary> received = join(invitations);
        List<GameSummary> sentByMe = join(sent);
        return new Lobby(
                first(received, INVITATIONS_SHOWN),
                received.size() > INVITATIONS_SHOWN,
                first(sentByMe, SENT_SHOWN),
                sentByMe.size() > SENT_SHOWN,
                inProgress,
                newestOf(join(hostedFinished), invitedFinished));
    }

    /*
     * Two queries, one per index, each from where its stream stopped and one entry longer than a
     * page, so that whether a stream has more is known without an empty last page. Merged newest
     * first by StatusDate as the indexes order them; the cursor keeps the last entry taken from each.
     */
    @Override
    public HistoryPage finishedGames(String userId, String cursor, int pageSize) {
        HistoryCursor from = cursor == null ? HistoryCursor.first(userId) : HistoryCursor.decode(cursor, userId);
        CompletableFuture<QueryResponse> hosted =
                async(() -> finishedFrom(HOST_INDEX, HOST_ID, userId, from.hosted(), pageSize + 1));
        QueryResponse invited = finishedFrom(OPPONENT_INDEX, OPPONENT_ID, userId, from.invited(), pageSize + 1);
        List<Map<String, AttributeValue>> fromHosted = join(hosted).items();
        List<Map<String, AttributeValue>> fromInvited = invited.items();
        List<GameSummary> page = new ArrayList<>();
        int h = 0;
        int i = 0;
        while (page.size() < pageSize && (h < fromHosted.size() || i < fromInvited.size())) {
            boolean takeHosted = i >= fromInvited.size()
                    || (h < fromHosted.size()
                            && GameItems.string(fromHosted.get(h), STATUS_DATE)
                                            .compareTo(GameItems.string(fromInvited.get(i), STATUS_DATE))
                                    >= 0);
            page.add(GameItems.toSummary(takeHosted ? fromHosted.get(h++) : fromInvited.get(i++)));
        }
        HistoryCursor next = new HistoryCursor(
                userId,
                stoppedAt(from.hosted(), fromHosted, h, join(hosted)),
                stoppedAt(from.invited(), fromInvited, i, invited));
        return new HistoryPage(page, next.isDone() ? null : next.encode());
    }

    private static HistoryCursor.Position stoppedAt(
            HistoryCursor.Position was, List<Map<String, AttributeValue>> read, int taken, QueryResponse response) {
        if (taken == read.size() && !response.hasLastEvaluatedKey()) {
            return HistoryCursor.Position.END;
        }
        return taken == 0 ? was : HistoryCursor.Position.after(read.get(taken - 1));
    }

    private QueryResponse finishedFrom(
            String index, String keyAttribute, String userId, HistoryCursor.Position from, int limit) {
        if (from.done()) {
            return QueryResponse.builder().items(List.of()).build();
        }
        Expression key = keyOf(keyAttribute, userId, GameStatus.FINISHED, Instant.now());
        QueryRequest request = queryOn(index, key)
                .exclusiveStartKey(from.startKey(keyAttribute, userId))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        return DynamoCalls.available(() -> dynamo.query(request));
    }

    /** A query of one of the table's indexes by its key condition. */
    private QueryRequest.Builder queryOn(String index, Expression key) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(key.condition())
                .expressionAttributeNames(key.names())
                .expressionAttributeValues(key.values());
    }

    private static List<GameSummary> first(List<GameSummary> games, int count) {
        return games.size() > count ? games.subList(0, count) : games;
    }

    /*
     * Open invitations are those sent since the lifetime's openSince, so for PENDING the range key
     * condition starts there instead of at the prefix: the index never returns expired ones, which
     * time to live deletes only later.
     */
    private Expression keyOf(String keyAttribute, String userId, GameStatus status, Instant now) {
        Expression key = new Expression().equal(keyAttribute, userId);
        if (status == GameStatus.PENDING) {
            // Only hosts have challenges: the opponents' index holds invitations alone.
            Instant openSince = keyAttribute.equals(HOST_ID)
                    ? lifetimes.openSince(now)
                    : lifetimes.invitations().openSince(now);
            return key.between(STATUS_DATE, StatusDates.firstOf(status, openSince), StatusDates.last(status));
        }
        return key.beginsWith(STATUS_DATE, StatusDates.prefix(status));
    }

    /*
     * A host's pending games are read from the earlier of the two lifetimes' bounds; those of the
     * kind with the shorter lifetime that expired are dropped after the read (none when the two
     * lifetimes are the same, the default).
     */
    private List<GameSummary> query(String index, String keyAttribute, String userId, GameStatus status, int limit) {
        Instant now = Instant.now();
        Expression key = keyOf(keyAttribute, userId, status, now);
        QueryRequest request =
                queryOn(index, key).scanIndexForward(false).limit(limit).build();
        return DynamoCalls.available(() -> dynamo.query(request)).items().stream()
                .map(GameItems::toSummary)
                .filter(game -> !lifetimes.isExpired(game, now))
                .toList();
    }

    /** Both lists are newest first already; the merged list is too, cut to the limit. */
    private static List<GameSummary> newestOf(List<GameSummary> a, List<GameSummary> b) {
        List<GameSummary> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparing((GameSummary game) -> game.statusDate().date())
                .thenComparing(GameSummary::gameId)
                .reversed());
        return all.size() > LIST_LIMIT ? List.copyOf(all.subList(0, LIST_LIMIT)) : List.copyOf(all);
    }

    /** The indexes do not project Turn (see {@link GamesTable}); one batch read fills it in. */
    private List<GameSummary> withTurns(List<GameSummary> games) {
        if (games.isEmpty()) {
            return games;
        }
        Map<String, String> turns = new HashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(games.stream()
                                .map(game -> GameItems.key(game.gameId()))
                                .toList())
                        .projectionExpression("#id, #turn")
                        .consistentRead(true)
                        .expressionAttributeNames(Map.of("#id", GAME_ID, "#turn", TURN))
                        .build());
        for (int attempt = 1; attempt <= BATCH_GET_ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1 && !backOff(attempt)) {
                break;
            }
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response =
                    DynamoCalls.available(() -> dynamo.batchGetItem(batch -> batch.requestItems(request)));
            response.responses()
                    .getOrDefault(table, List.of())
                    .forEach(item -> turns.put(GameItems.string(item, GAME_ID), GameItems.turnOf(item)));
            pending = response.unprocessedKeys();
        }
        return games.stream()
                .map(game -> game.withTurn(turns.get(game.gameId())))
                .toList();
    }

    /**
     * Keys a batch read leaves unprocessed were throttled: they are asked for again after the
     * same backoff the client uses for throttled calls. False if the thread was interrupted.
     */
    private static boolean backOff(int attempt) {
        try {
            Thread.sleep(
                    DynamoDbClients.THROTTLING_BACKOFF.computeDelay(attempt).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
