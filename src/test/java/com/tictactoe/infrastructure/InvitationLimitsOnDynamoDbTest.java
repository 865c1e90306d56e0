package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.InvitationLimits;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.StatusDate;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The limits on open invitations, the lobby's truthful invitation lists, and repeated accepts,
 * declines and cancels, through the facade and the real DAO on DynamoDB Local.
 */
class InvitationLimitsOnDynamoDbTest {

    private static final int PER_INVITER = InvitationLimits.PER_INVITER;
    private static final int PER_INVITEE = InvitationLimits.PER_INVITEE;

    private static LocalGames store;
    private static ExecutorService executor;
    private static DynamoGameDao dao;
    private static GameServer server;
    private static GameFacade facade;

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable();
        executor = Executors.newFixedThreadPool(4);
        dao = new DynamoGameDao(store.client(), store.table(), store.recordsTable(), executor);
        server = store.newServer(dao);
        facade = server.facade();
    }

    @AfterAll
    static void dropTable() {
        executor.shutdownNow();
        store.close();
    }

    /** A new player, with an account so that it can be invited. */
    private static Rejection refusal(Supplier<?> request) {
        return assertThrows(GameRuleException.class, request::get).rejection();
    }

    private static List<String> ids(List<GameSummary> games) {
        return games.stream().map(GameSummary::gameId).toList();
    }

    /** An open invitation written straight to the table, as the original app (which had no limits) or a race could leave one. */
    private static String rawInvitation(String host, String opponent, Instant when) {
        String id = UUID.randomUUID().toString();
        store.putRaw(Map.of(
                "GameId",
                AttributeValue.fromS(id),
                "HostId",
                AttributeValue.fromS(host),
                "OpponentId",
                AttributeValue.fromS(opponent),
                "OUser",
                AttributeValue.fromS(host),
                "Turn",
                AttributeValue.fromS(host),
                "StatusDate",
                AttributeValue.fromS(StatusDates.format(new StatusDate(GameStatus.PENDING, when)))));
        return id;
    }

    @Test
    void anInviterHasAtMostTenOpenInvitations() {
        String flooder = store.registeredPlayer("flooder");
        List<Game> sent = new ArrayList<>();
        for (int i = 0; i < PER_INVITER; i++) {
            sent.add(facade.create(flooder, store.registeredPlayer("target")));
        }
        int eventsBefore = server.changes().size();
        String oneMore = store.registeredPlayer("target");
        assertEquals(Rejection.TOO_MANY_SENT, refusal(() -> facade.create(flooder, oneMore)));
        assertEquals(PER_INVITER, dao.invitationsBy(flooder, 100).size(), "nothing was written");
        assertTrue(dao.lobbyOf(oneMore).invitations().isEmpty());
        assertEquals(eventsBefore, server.changes().size(), "no one is told of a game that was not made");

        // Games in progress do not count; an answered invitation frees its place.
        facade.accept(sent.get(0).gameId(), sent.get(0).opponentId());
        Game again = facade.create(flooder, oneMore);
        assertEquals(GameStatus.PENDING, again.status());
        assertEquals(Rejection.TOO_MANY_SENT, refusal(() -> facade.create(flooder, store.registeredPlayer("target"))));
        assertTrue(facade.decline(again.gameId(), oneMore));
        assertEquals(
                GameStatus.PENDING,
                facade.create(flooder, store.registeredPlayer("target")).status());
    }

    @Test
    void invitingTheSamePlayerAgainAnswersWithTheOpenInvitation() {
        String eve = store.registeredPlayer("eve");
        String dave = store.registeredPlayer("dave");
        String carol = store.registeredPlayer("carol");
        Game fromCarol = facade.create(carol, dave);
        Game first = facade.create(eve, dave);
        int eventsBefore = server.changes().size();
        for (int i = 0; i < PER_INVITER + 1; i++) {
            assertEquals(first, facade.create(eve, dave), "the open invitation, again");
        }
        assertEquals(eventsBefore, server.changes().size(), "nothing new to tell");
        // The case of the issue: a flood from eve no longer hides carol's earlier invitation.
        assertEquals(
                List.of(first.gameId(), fromCarol.gameId()),
                ids(facade.lobby(dave).invitations()));
        assertEquals(List.of(first.gameId()), ids(facade.lobby(eve).sentInvitations()));

        // The other way round is an invitation of its own (the other player would move first).
        Game fromDave = facade.create(dave, eve);
        assertNotEquals(first.gameId(), fromDave.gameId());

        // Once the open one is answered, inviting again makes a new game.
        facade.accept(first.gameId(), dave);
        Game next = facade.create(eve, dave);
        assertNotEquals(first.gameId(), next.gameId());
        assertEquals(GameStatus.PENDING, next.status());
    }

    @Test
    void anInviteeWaitsForAtMostTwentyInvitations() {
        String popular = store.registeredPlayer("popular");
        List<Game> waiting = new ArrayList<>();
        for (int i = 0; i < PER_INVITEE; i++) {
            waiting.add(facade.create(store.registeredPlayer("fan"), popular));
        }
        assertEquals(PER_INVITEE, dao.countInvitationsFor(popular, PER_INVITEE));
        String late = store.registeredPlayer("fan");
        assertEquals(Rejection.TOO_MANY_RECEIVED, refusal(() -> facade.create(late, popular)));
        assertTrue(dao.invitationsBy(late, 100).isEmpty(), "nothing was written");
        Lobby stored = dao.lobbyOf(popular);
        assertEquals(PER_INVITEE, stored.invitations().size());
        assertFalse(stored.moreInvitations());

        // Every one of them is in the lobby, the oldest included, and the count is exact.
        Lobby lobby = facade.lobby(popular);
        assertEquals(PER_INVITEE, lobby.invitations().size());
        assertTrue(ids(lobby.invitations()).contains(waiting.get(0).gameId()));
        assertFalse(lobby.moreInvitations());

        assertTrue(facade.decline(waiting.get(0).gameId(), popular));
        assertEquals(GameStatus.PENDING, facade.create(late, popular).status());
    }

    @Test
    void countingStopsAtTheLimitAsked() {
        String someone = store.registeredPlayer("someone");
        for (int i = 0; i < 3; i++) {
            facade.create(store.registeredPlayer("host"), someone);
        }
        assertEquals(3, dao.countInvitationsFor(someone, PER_INVITEE));
        assertEquals(2, dao.countInvitationsFor(someone, 2));
        assertEquals(0, dao.countInvitationsFor(store.registeredPlayer("nobody"), PER_INVITEE));
    }

    @Test
    void whenMoreAreOpenThanTheLimitsAllowTheLobbySaysSo() {
        String invitee = store.registeredPlayer("invitee");
        String host = store.registeredPlayer("host");
        // Old, but not so old that they expired.
        Instant longAgo = Instant.now().minus(1, ChronoUnit.DAYS);
        List<String> received = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < PER_INVITEE + 2; i++) {
            received.add(0, rawInvitation(store.registeredPlayer("old"), invitee, longAgo.plus(i, ChronoUnit.MINUTES)));
        }
        for (int i = 0; i < PER_INVITER + 1; i++) {
            sent.add(0, rawInvitation(host, store.registeredPlayer("guest"), longAgo.plus(i, ChronoUnit.MINUTES)));
        }
        Lobby invited = facade.lobby(invitee);
        assertEquals(received.subList(0, PER_INVITEE), ids(invited.invitations()), "the newest twenty");
        assertTrue(invited.moreInvitations());
        assertFalse(invited.moreSent());
        Lobby hosting = facade.lobby(host);
        assertEquals(sent.subList(0, PER_INVITER), ids(hosting.sentInvitations()), "the newest ten");
        assertTrue(hosting.moreSent());
        assertFalse(hosting.moreInvitations());

        // Over the limit, both ways refuse new ones until enough are answered.
        assertEquals(Rejection.TOO_MANY_RECEIVED, refusal(() -> facade.create(store.registeredPlayer("new"), invitee)));
        assertEquals(Rejection.TOO_MANY_SENT, refusal(() -> facade.create(host, store.registeredPlayer("new"))));
    }

    @Test
    void aRepeatedAcceptIsAnsweredWithTheGameItStarted() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game invitation = facade.create(alice, bob);
        Game started = facade.accept(invitation.gameId(), bob);
        Map<String, AttributeValue> item = store.rawItem(invitation.gameId());
        int eventsBefore = server.changes().size();

        assertEquals(started, facade.accept(invitation.gameId(), bob), "a double click");
        GameServer other = store.newServer(dao);
        assertEquals(started, other.facade().accept(invitation.gameId(), bob), "a second tab, served elsewhere");
        assertEquals(item, store.rawItem(invitation.gameId()), "nothing written");
        assertEquals(eventsBefore, server.changes().size(), "no one is told twice");
        assertTrue(other.changes().isEmpty(), "nor by the other server");

        // After moves too: the game as it is now, where the player wanted to be.
        Game moved = facade.move(invitation.gameId(), alice, "MiddleMiddle");
        assertEquals(moved, facade.accept(invitation.gameId(), bob));

        // Others are still refused, and a finished game is no open invitation.
        assertEquals(Rejection.NOT_INVITED, refusal(() -> facade.accept(invitation.gameId(), alice)));
        assertEquals(
                Rejection.NOT_INVITED,
                refusal(() -> facade.accept(invitation.gameId(), store.registeredPlayer("mallory"))));
        Game done = moved;
        for (String square : new String[] {"TopLeft", "MiddleLeft", "TopMiddle", "BottomRight", "TopRight"}) {
            done = facade.move(done.gameId(), done.turn(), square);
        }
        assertEquals(GameStatus.FINISHED, done.status());
        assertEquals(Rejection.NOT_PENDING, refusal(() -> facade.accept(invitation.gameId(), bob)));
    }

    @Test
    void aRepeatedDeclineOrCancelFindsTheInvitationGone() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game declined = facade.create(alice, bob);
        assertTrue(facade.decline(declined.gameId(), bob));
        assertFalse(facade.decline(declined.gameId(), bob), "gone already, as asked");
        assertFalse(facade.cancel(declined.gameId(), alice), "declined before the host cancelled");

        Game cancelled = facade.create(alice, bob);
        assertTrue(facade.cancel(cancelled.gameId(), alice));
        assertFalse(facade.cancel(cancelled.gameId(), alice));
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> facade.accept(cancelled.gameId(), bob)));

        // A started game is no invitation to decline.
        Game started = facade.accept(facade.create(alice, bob).gameId(), bob);
        assertEquals(
                Rejection.NOT_PENDING,
                assertThrows(GameRuleException.class, () -> facade.decline(started.gameId(), bob))
                        .rejection());
        assertEquals(
                Rejection.NOT_PENDING,
                assertThrows(GameRuleException.class, () -> facade.cancel(started.gameId(), alice))
                        .rejection());
    }
}
