package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.HistoryPage;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.WriteConflictException;
import com.tictactoe.infrastructure.DynamoGameDao;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facade over the real DAO on DynamoDB Local, watched from the side: which reads it makes,
 * whom it tells, and how it answers when a write's answer was lost and the SDK's retry found
 * the write already done.
 */
class GameFacadeOnDynamoDbTest {

    private static LocalGames store;
    private static DynamoGameDao dao;

    private WatchedGames games;
    private GameServer server;
    private GameFacade facade;

    /**
     * The real DAO, with reads counted, and writes that can be made to behave as after a lost
     * answer: the write is done, then reported as a conflict found by a retry.
     */
    static final class WatchedGames implements GameRepository {
        private final GameRepository real;
        final AtomicInteger finds = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        boolean loseNextAnswer;
        List<GameSummary> staleSent;
        WriteConflictException nextCreateConflict;

        WatchedGames(GameRepository real) {
            this.real = real;
        }

        private <T> T write(Supplier<T> write, String gameId) {
            calls.incrementAndGet();
            T result;
            try {
                result = write.get();
            } catch (WriteConflictException conflict) {
                if (loseNextAnswer) {
                    // The retry of a write whose first answer was lost met another's change.
                    loseNextAnswer = false;
                    throw new WriteConflictException(conflict.current().orElse(null), true);
                }
                throw conflict;
            }
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new WriteConflictException(real.find(gameId).orElse(null), true);
            }
            return result;
        }

        @Override
        public void create(Game game) {
            calls.incrementAndGet();
            if (nextCreateConflict != null) {
                WriteConflictException conflict = nextCreateConflict;
                nextCreateConflict = null;
                throw conflict;
            }
            real.create(game);
        }

        @Override
        public Optional<Game> find(String gameId) {
            finds.incrementAndGet();
            calls.incrementAndGet();
            return real.find(gameId);
        }

        @Override
        public Game accept(String gameId, String opponentId, Instant now) {
            return write(() -> real.accept(gameId, opponentId, now), gameId);
        }

        @Override
        public Game acceptChallenge(String gameId, String playerId, Instant now) {
            return write(() -> real.acceptChallenge(gameId, playerId, now), gameId);
        }

        @Override
        public Game decline(String gameId, String opponentId) {
            return write(() -> real.decline(gameId, opponentId), gameId);
        }

        @Override
        public Game cancel(String gameId, String hostId) {
            return write(() -> real.cancel(gameId, hostId), gameId);
        }

        @Override
        public void move(Game before, Game after, Square square) {
            write(
                    () -> {
                        real.move(before, after, square);
                        return null;
                    },
                    before.gameId());
        }

        @Override
        public void end(Game before, Game after) {
            write(
                    () -> {
                        real.end(before, after);
                        return null;
                    },
                    before.gameId());
        }

        @Override
        public List<String> stalledBy(Instant now, int perShard) {
            return real.stalledBy(now, perShard);
        }

        @Override
        public List<GameSummary> invitationsBy(String userId, int limit) {
            calls.incrementAndGet();
            return staleSent != null ? staleSent : real.invitationsBy(userId, limit);
        }

        @Override
        public int countInvitationsFor(String userId, int upTo) {
            calls.incrementAndGet();
            return real.countInvitationsFor(userId, upTo);
        }

        @Override
        public Lobby lobbyOf(String userId) {
            return real.lobbyOf(userId);
        }

        @Override
        public HistoryPage finishedGames(String userId, String cursor, int pageSize) {
            return real.finishedGames(userId, cursor, pageSize);
        }
    }

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable();
        dao = new DynamoGameDao(store.client(), store.table(), store.recordsTable(), ForkJoinPool.commonPool());
    }

    @AfterAll
    static void dropTable() {
        store.close();
    }

    @BeforeEach
    void newServer() {
        games = new WatchedGames(dao);
        server = store.newServer(games);
        facade = server.facade();
    }

    /** A new player, with an account so that it can be invited. */
    private static Rejection refusal(Runnable request) {
        return assertThrows(GameRuleException.class, request::run).rejection();
    }

    private GameChanged lastEvent() {
        return server.changes().get(server.changes().size() - 1);
    }

    @Test
    void everyChangeIsToldToBothPlayers() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game invitation = facade.create(alice, " " + bob + " ");
        assertEquals(bob, invitation.opponentId(), "the name as typed, without spaces around it");
        assertEquals(1, server.changes().size());
        assertEquals(new GameChanged(invitation, false), lastEvent());
        assertEquals(Set.of(alice, bob), lastEvent().players());

        Game started = facade.accept(invitation.gameId(), bob);
        assertEquals(new GameChanged(started, false), lastEvent());
        Game moved = facade.move(invitation.gameId(), alice, "TopLeft");
        assertEquals(moved, lastEvent().game());
        assertFalse(lastEvent().deleted());
        assertTrue(lastEvent().writeStarted().isPresent(), "a move made here says when its write began");
        assertEquals(3, server.changes().size());

        store.register(bob + "x", bob + "y");
        Game declined = facade.create(alice, bob + "x");
        assertTrue(facade.decline(declined.gameId(), bob + "x"));
        assertEquals(declined.gameId(), lastEvent().game().gameId());
        assertTrue(lastEvent().deleted());
        Game cancelled = facade.create(alice, bob + "y");
        assertTrue(facade.cancel(cancelled.gameId(), alice));
        assertEquals(cancelled.gameId(), lastEvent().game().gameId());
        assertTrue(lastEvent().deleted());
        assertEquals(7, server.changes().size());
    }

    @Test
    void gamesWrittenHereAreShownWithoutReadingThemBack() {
        Game game = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        assertEquals(Optional.of(game), facade.game(game.gameId()));
        Game started = facade.accept(game.gameId(), game.opponentId());
        assertEquals(Optional.of(started), facade.game(game.gameId()));
        Game moved = facade.move(game.gameId(), game.hostId(), "MiddleMiddle");
        assertEquals(Optional.of(moved), facade.game(game.gameId()));
        assertEquals(0, games.finds.get(), "no reads at all");

        Game gone = facade.create(game.hostId(), store.registeredPlayer("carol"));
        facade.cancel(gone.gameId(), gone.hostId());
        assertEquals(Optional.empty(), facade.game(gone.gameId()));
        assertEquals(0, games.finds.get(), "a game deleted here is known to be gone");
    }

    @Test
    void aGameChangedElsewhereIsReadOnceWhenShownAndThenKnown() {
        Game game = store.newFacade().create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        assertEquals(Optional.of(game), facade.game(game.gameId()));
        assertEquals(Optional.of(game), facade.game(game.gameId()));
        assertEquals(1, games.finds.get());
        Game started = facade.accept(game.gameId(), game.opponentId());
        Game moved = facade.move(game.gameId(), game.hostId(), "TopLeft");
        assertEquals(1, games.finds.get(), "the move starts from the state the accept wrote");
        assertEquals(GameStatus.IN_PROGRESS, started.status());
        assertEquals(game.opponentId(), moved.turn());
    }

    @Test
    void aMoveOnAGameNotSeenHereReadsItOnceAndRemembersIt() {
        GameFacade elsewhere = store.newFacade();
        Game game = elsewhere.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        elsewhere.accept(game.gameId(), game.opponentId());
        facade.move(game.gameId(), game.hostId(), "TopLeft");
        assertEquals(1, games.finds.get());
        assertEquals(Rejection.NOT_YOUR_TURN, refusal(() -> facade.move(game.gameId(), game.hostId(), "TopRight")));
        assertEquals(2, games.finds.get(), "a refusal on what is known here is checked against the store");
        Game after = facade.move(game.gameId(), game.opponentId(), "TopRight");
        assertEquals(2, games.finds.get(), "the state read for the check is remembered");
        assertEquals(game.hostId(), after.turn());
    }

    @Test
    void anOpenInvitationFoundElsewhereIsRememberedToo() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game first = store.newFacade().create(alice, bob);
        Game again = facade.create(alice, bob);
        assertEquals(first, again, "inviting the same player again answers with the open invitation");
        assertEquals(1, games.finds.get());
        assertTrue(server.changes().isEmpty(), "nothing was written, nobody is told");
        assertEquals(Optional.of(first), facade.game(first.gameId()));
        assertEquals(1, games.finds.get());
    }

    @Test
    void anInvitationToSomeoneElseIsNotTheOpenOne() {
        String alice = store.registeredPlayer("alice");
        Game toBob = facade.create(alice, store.registeredPlayer("bob"));
        Game toCarol = facade.create(alice, store.registeredPlayer("carol"));
        assertFalse(toBob.gameId().equals(toCarol.gameId()));
        facade.accept(toBob.gameId(), toBob.opponentId());
        Game toBobAgain = facade.create(alice, toBob.opponentId());
        assertFalse(toBobAgain.gameId().equals(toBob.gameId()), "a started game is no open invitation");
    }

    @Test
    void aNullOpponentIsAskedFor() {
        assertEquals(Rejection.OPPONENT_REQUIRED, refusal(() -> facade.create(store.registeredPlayer("alice"), null)));
    }

    @Test
    void aConflictOnCreateWithoutRetryIsNotHidden() {
        WriteConflictException clash = new WriteConflictException(null, false);
        games.nextCreateConflict = clash;
        assertSame(
                clash,
                assertThrows(
                        WriteConflictException.class,
                        () -> facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"))));
        assertTrue(server.changes().isEmpty());

        games.nextCreateConflict = new WriteConflictException(null, true);
        Game game = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        assertEquals(1, server.changes().size(), "a retried create that met its own first attempt is done");
        assertEquals(game, lastEvent().game());
    }

    @Test
    void anAcceptWhoseAnswerWasLostIsDoneAndTold() {
        Game game = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        games.loseNextAnswer = true;
        Game started = facade.accept(game.gameId(), game.opponentId());
        assertEquals(GameStatus.IN_PROGRESS, started.status());
        assertEquals(2, server.changes().size(), "the players are told, once");
        assertEquals(new GameChanged(started, false), lastEvent());
        assertEquals(Optional.of(started), facade.game(game.gameId()));
        assertEquals(0, games.finds.get());
    }

    @Test
    void aRepeatedAcceptIsNotToldAgainButRemembered() {
        Game game = store.newFacade().create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        Game started = store.newFacade().accept(game.gameId(), game.opponentId());
        assertEquals(started, facade.accept(game.gameId(), game.opponentId()));
        assertTrue(server.changes().isEmpty(), "an earlier request told everyone");
        assertEquals(Optional.of(started), facade.game(game.gameId()));
        assertEquals(0, games.finds.get(), "the conflict told the state");
    }

    @Test
    void aDeclineOrCancelWhoseAnswerWasLostIsDone() {
        Game declined = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        games.loseNextAnswer = true;
        assertTrue(facade.decline(declined.gameId(), declined.opponentId()), "the first attempt deleted it");
        Game cancelled = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        games.loseNextAnswer = true;
        assertTrue(facade.cancel(cancelled.gameId(), cancelled.hostId()));
        assertFalse(
                facade.cancel(cancelled.gameId(), cancelled.hostId()),
                "found gone without a retry: already done before");
        assertFalse(facade.decline(declined.gameId(), declined.opponentId()));
    }

    @Test
    void aMoveWhoseAnswerWasLostIsDoneAndTold() {
        Game game = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        facade.accept(game.gameId(), game.opponentId());
        games.loseNextAnswer = true;
        Game moved = facade.move(game.gameId(), game.hostId(), "BottomLeft");
        assertEquals(game.opponentId(), moved.turn());
        assertEquals(new GameChanged(moved, false), lastEvent());
        assertEquals(3, server.changes().size());
    }

    @Test
    void aMoveThatLostAgainstAnotherIsRefusedEvenAfterARetry() {
        Game game = facade.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        Game started = facade.accept(game.gameId(), game.opponentId());
        // Another server plays for the host meanwhile; this server still believes the board empty.
        store.newFacade().move(game.gameId(), game.hostId(), "TopLeft");
        games.loseNextAnswer = true;
        assertEquals(Rejection.NOT_YOUR_TURN, refusal(() -> facade.move(game.gameId(), game.hostId(), "MiddleMiddle")));
        Game now = facade.game(game.gameId()).orElseThrow();
        assertEquals(
                Optional.of(com.tictactoe.domain.Mark.O),
                now.board().markAt(Square.TOP_LEFT),
                "the refusal taught the truth");
        assertEquals(0, games.finds.get());
        assertEquals(started.progress() + 1, now.progress());
        assertEquals(2, server.changes().size(), "nobody is told of a move that did not happen");
    }

    @Test
    void theListsOfAPlayerComeFromTheStore() {
        String ann = store.registeredPlayer("ann");
        Game received = facade.create(store.registeredPlayer("ben"), ann);
        Game sent = facade.create(ann, store.registeredPlayer("cid"));
        Game toDee = facade.create(ann, store.registeredPlayer("dee"));
        Game playing = facade.accept(toDee.gameId(), toDee.opponentId());
        Game toEve = facade.create(store.registeredPlayer("eve"), ann);
        Game done = facade.accept(toEve.gameId(), ann);
        for (String square : new String[] {"TopLeft", "MiddleLeft", "TopMiddle", "MiddleMiddle", "TopRight"}) {
            done = facade.move(done.gameId(), done.turn(), square);
        }
        assertEquals(GameStatus.FINISHED, done.status());

        // A server that heard of none of these changes has only the store to read them from.
        assertListed(store.newFacade().lobby(ann), received, sent, playing, done);
        assertListed(facade.lobby(ann), received, sent, playing, done);
    }

    private static void assertListed(Lobby lobby, Game received, Game sent, Game playing, Game done) {
        assertEquals(List.of(received.gameId()), ids(lobby.invitations()));
        assertEquals(List.of(sent.gameId()), ids(lobby.sentInvitations()));
        assertEquals(List.of(playing.gameId()), ids(lobby.inProgress()));
        assertEquals(List.of(done.gameId()), ids(lobby.finished()));
    }

    @Test
    void requestsNamingNoPossibleGameOrPlayerReachNoStore() {
        String alice = store.registeredPlayer("alice");
        for (String id : new String[] {"../games", "x".repeat(65), "", null}) {
            assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.accept(id, alice)), "accept " + id);
            assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.decline(id, alice)), "decline " + id);
            assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.cancel(id, alice)), "cancel " + id);
            assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.move(id, alice, "TopLeft")), "move " + id);
            assertEquals(Optional.empty(), facade.game(id));
        }
        assertEquals(Rejection.INVALID_SQUARE, refusal(() -> facade.move(GameIdsForTest.ANY, alice, "Centre")));
        assertEquals(Rejection.NO_SUCH_PLAYER, refusal(() -> facade.create(alice, "<b>bob</b>")));
        assertEquals(0, games.calls.get());
        assertTrue(server.changes().isEmpty());
    }

    /** An id of the right shape that names no game. */
    private static final class GameIdsForTest {
        static final String ANY = "00000000-0000-4000-8000-000000000000";
    }

    @Test
    void refusalsOnTheStoredStateSayWhy() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.move(GameIdsForTest.ANY, alice, "TopLeft")));
        Game game = facade.create(alice, bob);
        assertEquals(
                Rejection.NOT_INVITED, refusal(() -> facade.accept(game.gameId(), store.registeredPlayer("carol"))));
        assertEquals(Rejection.NOT_INVITED, refusal(() -> facade.decline(game.gameId(), alice)));
        assertEquals(Rejection.NOT_HOST, refusal(() -> facade.cancel(game.gameId(), bob)));
        assertTrue(facade.cancel(game.gameId(), alice));
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.accept(game.gameId(), bob)));
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.move(game.gameId(), alice, "TopLeft")));
    }

    @Test
    void aMoveOnABoardThatChangedMeanwhileIsToldSo() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game game = facade.accept(facade.create(alice, bob).gameId(), bob);
        GameFacade elsewhere = store.newFacade();
        elsewhere.move(game.gameId(), alice, "TopLeft");
        elsewhere.move(game.gameId(), bob, "TopRight");
        // Here the board still looks empty; on the stored board the move is just as legal.
        assertEquals(Rejection.BOARD_CHANGED, refusal(() -> facade.move(game.gameId(), alice, "MiddleMiddle")));
        assertEquals(2, server.changes().size());
        Game after = facade.move(game.gameId(), alice, "MiddleMiddle");
        assertEquals(3, after.board().moveCount(), "played on the board as it is now");
    }

    @Test
    void aMoveRefusedOnTheStoredStateLeavesTheServerKnowingIt() {
        GameFacade elsewhere = store.newFacade();
        Game invitation = elsewhere.create(store.registeredPlayer("alice"), store.registeredPlayer("bob"));
        elsewhere.accept(invitation.gameId(), invitation.opponentId());
        assertEquals(
                Rejection.NOT_A_PLAYER,
                refusal(() -> facade.move(invitation.gameId(), store.registeredPlayer("carol"), "TopLeft")));
        assertEquals(1, games.finds.get());
        assertEquals(
                GameStatus.IN_PROGRESS,
                facade.game(invitation.gameId()).orElseThrow().status());
        assertEquals(1, games.finds.get(), "the state read for the refusal is known");
    }

    @Test
    void anInvitationTheIndexStillListsButThatWasAcceptedIsNotTheOpenOne() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game first = facade.create(alice, bob);
        facade.accept(first.gameId(), bob);
        // An index read a moment before the accept still lists it as pending.
        games.staleSent = List.of(new GameSummary(first.gameId(), alice, bob, first.statusDate(), alice, null));
        Game second = facade.create(alice, bob);
        assertFalse(second.gameId().equals(first.gameId()));
        assertEquals(GameStatus.PENDING, second.status());
    }

    private static List<String> ids(List<GameSummary> games) {
        return games.stream().map(GameSummary::gameId).toList();
    }
}
