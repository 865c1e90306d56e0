package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.Square;
import com.tictactoe.testsupport.LocalGames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Both players and their double clicks race from many threads, through facades on "different
 * servers" (each with its own memory of the game). Exactly the legal moves may succeed: one per
 * move number, each by the player whose turn it was, on a free square.
 */
class RacingMovesOnDynamoDbTest {

    private static final int THREADS = 8;
    private static LocalGames store;
    private static ExecutorService threads;

    @BeforeAll
    static void setUp() {
        store = LocalGames.withFreshTable().register("alice", "bob");
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void tearDown() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void exactlyTheLegalMovesSucceed() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            playOneRacedGame(random);
        }
    }

    private void playOneRacedGame(Random random) throws Exception {
        GameFacade setup = store.newFacade();
        Game game = setup.accept(setup.create("alice", "bob").gameId(), "bob");
        List<GameFacade> servers = List.of(store.newFacade(), store.newFacade(), store.newFacade());
        List<Game> successes = new ArrayList<>();
        Game current = game;
        while (current.status() == GameStatus.IN_PROGRESS) {
            List<Square> free = new ArrayList<>();
            for (Square square : Square.values()) {
                if (current.board().isEmpty(square)) {
                    free.add(square);
                }
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Game>> attempts = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                // Both players, on any server, mostly clicking the same few squares again.
                String player = i % 2 == 0 ? "alice" : "bob";
                Square square = free.get(random.nextInt(Math.min(2, free.size())));
                GameFacade server = servers.get(i % servers.size());
                Callable<Game> move = () -> {
                    start.await();
                    return server.move(game.gameId(), player, square.id());
                };
                attempts.add(threads.submit(move));
            }
            start.countDown();
            for (Future<Game> attempt : attempts) {
                try {
                    successes.add(attempt.get());
                } catch (ExecutionException e) {
                    Rejection reason = ((GameRuleException) e.getCause()).rejection();
                    assertTrue(
                            Set.of(
                                            Rejection.NOT_YOUR_TURN,
                                            Rejection.SQUARE_TAKEN,
                                            Rejection.BOARD_CHANGED,
                                            Rejection.NOT_IN_PROGRESS)
                                    .contains(reason),
                            reason.name());
                }
            }
            successes.sort(Comparator.comparingInt(Game::progress));
            assertTrue(
                    !successes.isEmpty() && successes.get(successes.size() - 1).progress() > current.progress(),
                    "someone whose turn it was got through");
            current = successes.get(successes.size() - 1);
        }
        // The successful moves form one legal game: each adds exactly one mark of the player to move.
        Game previous = game;
        for (Game success : successes) {
            assertEquals(previous.board().moveCount() + 1, success.board().moveCount(), "no move number twice");
            Square played = null;
            for (Square square : Square.values()) {
                if (previous.board().isEmpty(square) && !success.board().isEmpty(square)) {
                    played = square;
                }
            }
            assertEquals(
                    previous.play(previous.turn(), played, success.statusDate().date())
                            .board(),
                    success.board());
            previous = success;
        }
        Game stored = store.newFacade().game(game.gameId()).orElseThrow();
        assertEquals(current.board(), stored.board());
        Map<String, AttributeValue> item = store.rawItem(game.gameId());
        long marks = item.keySet().stream()
                .filter(name ->
                        Arrays.stream(Square.values()).map(SquareAttributes::of).anyMatch(name::equals))
                .count();
        assertEquals(successes.size(), marks, "one square per successful move");
        assertTrue(item.get("StatusDate").s().startsWith("FINISHED_"));
        assertEquals(current.winner().orElse("Tie"), item.get("Result").s());
    }

    @Test
    void racingAcceptAndCancelLeaveOneOutcome() throws Exception {
        for (int round = 0; round < 5; round++) {
            Game game = store.newFacade().create("alice", "bob");
            CountDownLatch start = new CountDownLatch(1);
            Future<Boolean> accept = threads.submit(() -> {
                start.await();
                return succeeds(() -> store.newFacade().accept(game.gameId(), "bob"));
            });
            Future<Boolean> cancel = threads.submit(() -> {
                start.await();
                return succeeds(() -> store.newFacade().cancel(game.gameId(), "alice"));
            });
            start.countDown();
            boolean accepted = accept.get();
            boolean cancelled = cancel.get();
            assertTrue(accepted ^ cancelled, "one of them wins");
            assertEquals(cancelled, store.rawItem(game.gameId()).isEmpty());
        }
    }

    private static boolean succeeds(Runnable request) {
        try {
            request.run();
            return true;
        } catch (GameRuleException refused) {
            return false;
        }
    }
}
