package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Ending;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.TimeLimits;
import com.tictactoe.domain.WriteConflictException;
import com.tictactoe.infrastructure.GamesTable;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resign, claim and the sweep for stalled games on DynamoDB Local, through the facade and the real
 * DAO, including the races that matter: an ending against a move in flight, two sweeps at once.
 */
class GameEndingsOnDynamoDbTest {

    private static final Set<String> ORIGINALS_ATTRIBUTES =
            Set.of("GameId", "HostId", "OpponentId", "OUser", "Turn", "StatusDate");
    private static final Set<String> TURN_ATTRIBUTES = Set.of("TurnSince", "StallShard", "StalledFrom");

    private static LocalGames store;
    private static GameServer server;
    private static GameFacade facade;
    private static final ExecutorService racers = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable().register("alice", "bob", "carol");
        server = store.newServer();
        facade = server.facade();
    }

    @AfterAll
    static void dropTable() {
        racers.shutdownNow();
        store.close();
    }

    /** A game between alice (to move) and bob, as if bob had accepted it {@code ago} ago. */
    private static Game startedAgo(LocalGames games, Duration ago) {
        Instant started = Instant.now().minus(ago);
        Game invitation = Game.invite(GameIds.next(), "alice", "bob", started.minusSeconds(1));
        games.dao().create(invitation);
        return games.dao().accept(invitation.gameId(), "bob", started);
    }

    private static Rejection refusal(Supplier<?> request) {
        return assertThrows(GameRuleException.class, request::get).rejection();
    }

    private static void refusedAndUnchanged(String gameId, Rejection expected, Supplier<?> request) {
        Map<String, AttributeValue> before = store.rawItem(gameId);
        assertEquals(expected, refusal(request));
        assertEquals(before, store.rawItem(gameId));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    @Test
    void aResignationEndsTheGameForTheOpponentInOneWriteAndTellsEveryone() {
        Game game = facade.move(startedAgo(store, Duration.ZERO).gameId(), "alice", "TopLeft");
        int heard = server.changes().size();

        Game resigned = facade.resign(game.gameId(), "alice");

        assertEquals(Ending.RESIGNED, resigned.ending());
        assertEquals("bob", resigned.winner().orElseThrow());
        assertEquals(resigned, facade.game(game.gameId()).orElseThrow());
        assertEquals(resigned, store.dao().find(game.gameId()).orElseThrow(), "stored as told");
        assertEquals(
                List.of(resigned),
                server.changes().subList(heard, server.changes().size()).stream()
                        .map(GameChanged::game)
                        .toList());
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        assertEquals("bob", s(item, "Result"));
        assertEquals("N/A", s(item, "Turn"));
        assertTrue(s(item, "StatusDate").startsWith("FINISHED_"));
        assertEquals("O", s(item, "TopLeft"));
        assertEquals("RESIGNED", s(item, "Ending"));
        assertTrue(item.keySet().stream().noneMatch(TURN_ATTRIBUTES::contains), "out of the stall index");

        refusedAndUnchanged(game.gameId(), Rejection.NOT_IN_PROGRESS, () -> facade.resign(game.gameId(), "bob"));
        Game other = startedAgo(store, Duration.ZERO);
        refusedAndUnchanged(other.gameId(), Rejection.NOT_A_PLAYER, () -> facade.resign(other.gameId(), "carol"));
        refusedAndUnchanged(other.gameId(), Rejection.NO_SUCH_GAME, () -> facade.resign(GameIds.next(), "alice"));
    }

    /**
     * Alice's winning move and bob's resignation sent at the same moment, many times: exactly one
     * of them is told it worked, and the stored game is what that one made of it.
     */
    @Test
    void aResignationRacingTheWinningMoveEndsTheGameOnceAsOneOfThemSaid() throws Exception {
        int movesWon = 0;
        for (int round = 0; round < 10; round++) {
            Game game = startedAgo(store, Duration.ZERO);
            for (String square : new String[] {"TopLeft", "TopRight", "MiddleMiddle", "BottomLeft"}) {
                game = facade.move(game.gameId(), game.turn(), square);
            }
            String id = game.gameId();
            List<Object> answers = race(() -> facade.move(id, "alice", "BottomRight"), () -> facade.resign(id, "bob"));
            Game stored = store.dao().find(id).orElseThrow();
            assertEquals(GameStatus.FINISHED, stored.status());
            assertEquals("alice", stored.winner().orElseThrow(), "alice wins either way");
            if (answers.get(0) instanceof Game) {
                movesWon++;
                assertNull(stored.ending(), "won by the line");
                assertEquals(Rejection.NOT_IN_PROGRESS, ((GameRuleException) answers.get(1)).rejection());
            } else {
                assertEquals(Ending.RESIGNED, stored.ending());
                assertTrue(stored.board().isEmpty(Square.BOTTOM_RIGHT), "the refused move is not stored");
                assertEquals(Rejection.NOT_IN_PROGRESS, ((GameRuleException) answers.get(0)).rejection());
                assertTrue(answers.get(1) instanceof Game);
            }
        }
        System.out.println("Resign vs winning move: the move came first " + movesWon + " times of 10");
    }

    /**
     * Bob claims while alice, who has let him wait a day, moves at last: one of them wins the race,
     * and the loser is told why, with nothing written for it.
     */
    @Test
    void aClaimRacingTheAwaitedMoveEitherWinsOrIsRefusedWithTheReason() throws Exception {
        int movesWon = 0;
        for (int round = 0; round < 10; round++) {
            String id = startedAgo(store, Duration.ofHours(25)).gameId();
            List<Object> answers = race(() -> facade.move(id, "alice", "TopLeft"), () -> facade.claim(id, "bob"));
            Game stored = store.dao().find(id).orElseThrow();
            if (answers.get(0) instanceof Game moved) {
                movesWon++;
                assertEquals(moved, stored);
                assertEquals(GameStatus.IN_PROGRESS, stored.status());
                assertEquals(Rejection.CLAIM_ON_YOUR_TURN, ((GameRuleException) answers.get(1)).rejection());
            } else {
                assertEquals(Ending.CLAIMED, stored.ending());
                assertEquals("bob", stored.winner().orElseThrow());
                assertTrue(stored.board().marks().isEmpty());
                assertEquals(Rejection.NOT_IN_PROGRESS, ((GameRuleException) answers.get(0)).rejection());
            }
        }
        System.out.println("Claim vs awaited move: the move came first " + movesWon + " times of 10");
    }

    @Test
    void anEndingDecidedOnAnOlderTurnIsRefusedByItsWrite() {
        Game before = startedAgo(store, Duration.ofHours(25));
        Game claimed = before.claim("bob", Instant.now(), TimeLimits.DEFAULT);
        facade.move(before.gameId(), "alice", "TopLeft"); // lands between the decision and the write
        Map<String, AttributeValue> item = store.rawItem(before.gameId());
        WriteConflictException conflict =
                assertThrows(WriteConflictException.class, () -> store.dao().end(before, claimed));
        assertEquals("bob", conflict.current().orElseThrow().turn());
        assertEquals(item, store.rawItem(before.gameId()));
    }

    @Test
    void aClaimWaitsForTheConfiguredTime() {
        Game early = startedAgo(store, Duration.ofHours(23));
        refusedAndUnchanged(early.gameId(), Rejection.CLAIM_TOO_EARLY, () -> facade.claim(early.gameId(), "bob"));
        refusedAndUnchanged(early.gameId(), Rejection.CLAIM_ON_YOUR_TURN, () -> facade.claim(early.gameId(), "alice"));
        refusedAndUnchanged(early.gameId(), Rejection.NOT_A_PLAYER, () -> facade.claim(early.gameId(), "carol"));

        Game late = startedAgo(store, Duration.ofHours(25));
        Game claimed = facade.claim(late.gameId(), "bob");
        assertEquals(Ending.CLAIMED, claimed.ending());
        assertEquals("bob", s(store.rawItem(late.gameId()), "Result"));
        assertEquals("CLAIMED", s(store.rawItem(late.gameId()), "Ending"));
    }

    @Test
    void movesKeepTheTurnsTimeAndThePlaceInTheStallIndexInTheSameWrite() {
        Game game = startedAgo(store, Duration.ZERO);
        Map<String, AttributeValue> started = store.rawItem(game.gameId());
        assertEquals(union(ORIGINALS_ATTRIBUTES, TURN_ATTRIBUTES), started.keySet());
        started.values().forEach(value -> assertTrue(value.s() != null, "all values are strings, as the original's"));
        assertEquals(game.turnSince(), Instant.parse(s(started, "TurnSince")));
        Instant stalledFrom = Instant.parse(s(started, "StalledFrom"));
        Instant due = game.turnSince().plus(TimeLimits.DEFAULT.stalledAfter());
        assertFalse(stalledFrom.isBefore(due));
        assertTrue(stalledFrom.isBefore(due.plus(Duration.ofHours(1))), "rounded up by an hour at most");
        assertTrue(inStallIndex(game.gameId()));

        Game moved = facade.move(game.gameId(), "alice", "TopLeft");
        Map<String, AttributeValue> after = store.rawItem(game.gameId());
        assertEquals(moved.turnSince(), Instant.parse(s(after, "TurnSince")));
        assertEquals(s(started, "StallShard"), s(after, "StallShard"));

        for (String square : new String[] {"TopRight", "MiddleMiddle", "BottomLeft", "BottomRight"}) {
            moved = facade.move(game.gameId(), moved.turn(), square);
        }
        assertEquals(GameStatus.FINISHED, moved.status());
        Map<String, AttributeValue> finished = store.rawItem(game.gameId());
        assertEquals(
                union(
                        ORIGINALS_ATTRIBUTES,
                        Set.of("Result", "TopLeft", "TopRight", "MiddleMiddle", "BottomLeft", "BottomRight", "Moves")),
                finished.keySet(),
                "a game played to its end is stored as the original stores it, with its order of play");
        assertFalse(inStallIndex(game.gameId()));
    }

    /** The original's accept changes only StatusDate: an invitation's time to live stays until a move here. */
    @Test
    void theFirstMoveHereRemovesTheTimeToLiveTheOriginalsAcceptLeft() {
        Game invitation = facade.create("alice", "bob");
        assertTrue(store.rawItem(invitation.gameId()).containsKey("ExpiresAt"));
        store.client()
                .updateItem(update -> update.tableName(store.table())
                        .key(Map.of("GameId", AttributeValue.fromS(invitation.gameId())))
                        .updateExpression("SET StatusDate = :started")
                        .expressionAttributeValues(
                                Map.of(":started", AttributeValue.fromS("IN_PROGRESS_2026-12-06 10:00:00"))));

        facade.move(invitation.gameId(), "alice", "TopLeft");

        Map<String, AttributeValue> item = store.rawItem(invitation.gameId());
        assertFalse(item.containsKey("ExpiresAt"), "time to live must not delete a game being played");
        assertTrue(item.keySet().containsAll(TURN_ATTRIBUTES), "and the game now has a time of the turn");
    }

    @Test
    void twoServersSweepingAtOnceEndEachStalledGameOnce() throws Exception {
        try (LocalGames own = LocalGames.withFreshTable().register("alice", "bob")) {
            List<String> stalled = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                stalled.add(startedAgo(own, Duration.ofDays(8)).gameId());
            }
            String moved = startedAgo(own, Duration.ofDays(8)).gameId();
            Game fresh = own.newFacade().move(moved, "alice", "TopLeft"); // bob to move, since now
            String young = startedAgo(own, Duration.ofDays(6)).gameId();
            GameServer first = own.newServer();
            GameServer second = own.newServer();

            Instant now = Instant.now().plus(Duration.ofHours(1)); // past the index's rounding
            List<Object> ended = race(
                    () -> first.stalledGames().sweep(now),
                    () -> second.stalledGames().sweep(now));

            assertEquals(stalled.size(), (int) ended.get(0) + (int) ended.get(1));
            for (String id : stalled) {
                Game game = own.dao().find(id).orElseThrow();
                assertEquals(Ending.TIMED_OUT, game.ending());
                assertEquals("bob", game.winner().orElseThrow(), "alice let her time run out");
                long told = java.util.stream.Stream.concat(first.changes().stream(), second.changes().stream())
                        .filter(change -> change.game().gameId().equals(id))
                        .count();
                assertEquals(1, told, "one server ended it and told about it");
            }
            assertEquals(fresh, own.dao().find(moved).orElseThrow(), "moved since: not stalled");
            assertEquals(
                    GameStatus.IN_PROGRESS, own.dao().find(young).orElseThrow().status());
            assertEquals(0, first.stalledGames().sweep(now), "nothing left to end");
        }
    }

    private static boolean inStallIndex(String gameId) {
        return store
                .client()
                .scanPaginator(scan -> scan.tableName(store.table()).indexName(GamesTable.STALL_INDEX))
                .items()
                .stream()
                .anyMatch(item -> gameId.equals(s(item, "GameId")));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Runs both at the same moment, the first after a random pause of up to a few milliseconds (about
     * what the other's read before its write takes), so that either may write first; each answer is
     * what it returned or the exception it threw.
     */
    private static List<Object> race(Callable<?> one, Callable<?> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> runs = new ArrayList<>();
        long pauseMicros = ThreadLocalRandom.current().nextLong(6_000);
        for (Callable<?> each : List.of(one, other)) {
            boolean pause = each == one;
            runs.add(racers.submit(() -> {
                start.await();
                if (pause) {
                    TimeUnit.MICROSECONDS.sleep(pauseMicros);
                }
                try {
                    return each.call();
                } catch (GameRuleException refused) {
                    return refused;
                }
            }));
        }
        List<Object> answers = new ArrayList<>();
        for (Future<Object> run : runs) {
            answers.add(run.get());
        }
        return answers;
    }
}
