package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.application.InvitationSettings;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.InvitationLifetime;
import com.tictactoe.domain.InvitationLimits;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.StatusDate;
import com.tictactoe.domain.WriteConflictException;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Invitations expire (issue 21, point 3): an expired one is neither accepted, nor listed, nor
 * counted against a limit, whether time to live has deleted it yet or not; the accept's
 * conditional write refuses it even when nothing checked it before. Through the facade and the
 * real DAO on DynamoDB Local.
 */
class InvitationExpiryOnDynamoDbTest {

    private static final InvitationLifetime WEEK = InvitationLifetime.DEFAULT;

    private static LocalGames store;
    private static ExecutorService executor;
    private static DynamoGameDao dao;
    private static GameServer server;
    private static GameFacade facade;

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable();
        executor = Executors.newFixedThreadPool(4);
        dao = new DynamoGameDao(store.client(), store.table(), store.recordsTable(), executor, WEEK);
        server = store.newServer(dao);
        facade = server.facade();
    }

    @AfterAll
    static void dropTable() {
        executor.shutdownNow();
        store.close();
    }

    private static Rejection refusal(Supplier<?> request) {
        return assertThrows(GameRuleException.class, request::get).rejection();
    }

    /**
     * An invitation written straight to the table, sent at {@code sent}; with {@code expiresAt}
     * (epoch seconds) as this app writes them, or without it (null) as the original does.
     */
    private static String rawInvitation(String host, String opponent, Instant sent, Long expiresAt) {
        return rawInvitation(host, opponent, StatusDates.format(new StatusDate(GameStatus.PENDING, sent)), expiresAt);
    }

    private static String rawInvitation(String host, String opponent, String statusDate, Long expiresAt) {
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "GameId", AttributeValue.fromS(id),
                "HostId", AttributeValue.fromS(host),
                "OpponentId", AttributeValue.fromS(opponent),
                "OUser", AttributeValue.fromS(host),
                "Turn", AttributeValue.fromS(host),
                "StatusDate", AttributeValue.fromS(statusDate)));
        if (expiresAt != null) {
            item.put("ExpiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        }
        store.putRaw(item);
        return id;
    }

    /** Sent longer ago than the lifetime, with the deadline this app would have written. */
    private static String expiredInvitation(String host, String opponent) {
        Instant sent = Instant.now().minus(WEEK.length()).minusSeconds(60);
        return rawInvitation(host, opponent, sent, WEEK.deadlineOf(sent).getEpochSecond());
    }

    private static List<String> ids(List<GameSummary> games) {
        return games.stream().map(GameSummary::gameId).toList();
    }

    @Test
    void anExpiredInvitationIsRefusedAndChangesNothing() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        String expired = expiredInvitation(alice, bob);
        Map<String, AttributeValue> before = store.rawItem(expired);
        int eventsBefore = server.changes().size();

        assertEquals(Rejection.INVITATION_EXPIRED, refusal(() -> facade.accept(expired, bob)));
        assertEquals(before, store.rawItem(expired), "nothing written");
        assertEquals(eventsBefore, server.changes().size(), "no one is told of a change");
        // Who is not invited learns no more than before.
        assertEquals(Rejection.NOT_INVITED, refusal(() -> facade.accept(expired, alice)));
    }

    /**
     * The race: the invitation was open when the player looked and expires before the write lands.
     * The DAO is given that later moment, as the write would carry it; the condition alone refuses,
     * for an item of the original (no ExpiresAt, judged by its date) as for one of this app.
     */
    @Test
    void theAcceptsConditionRefusesAnInvitationThatExpiredOnItsWay() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Instant sent = Instant.parse("2026-11-21T10:24:05Z");
        Instant deadline = WEEK.deadlineOf(sent);
        // On a whole second the original writes no fraction: the earliest value of that second.
        String original = rawInvitation(alice, bob, "PENDING_2026-11-21 10:24:05", null);
        String ours = rawInvitation(alice, bob, sent, deadline.getEpochSecond());
        for (String id : List.of(original, ours)) {
            Map<String, AttributeValue> before = store.rawItem(id);
            assertThrows(WriteConflictException.class, () -> dao.accept(id, bob, deadline));
            assertEquals(before, store.rawItem(id), "nothing written");
            // A microsecond before the deadline it is still open: the boundary is the rule's.
            Game started = dao.accept(id, bob, deadline.minusNanos(1000));
            assertEquals(GameStatus.IN_PROGRESS, started.status());
            assertNull(store.rawItem(id).get("ExpiresAt"), "a game in play is never deleted");
        }
    }

    /**
     * An item whose stored deadline has passed although its date says it is open (the lifetime
     * was made longer since it was sent): time to live may delete it at any moment, so the
     * condition refuses it, and the facade tells the player it expired.
     */
    @Test
    void anInvitationPastItsStoredDeadlineIsRefusedWhateverItsDate() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        String id = rawInvitation(
                alice,
                bob,
                Instant.now().minusSeconds(3600),
                Instant.now().minusSeconds(1).getEpochSecond());
        Map<String, AttributeValue> before = store.rawItem(id);
        assertThrows(WriteConflictException.class, () -> dao.accept(id, bob, Instant.now()));
        assertEquals(Rejection.INVITATION_EXPIRED, refusal(() -> facade.accept(id, bob)));
        assertEquals(before, store.rawItem(id), "nothing written");
    }

    @Test
    void anInvitationCarriesItsDeadlineUntilItIsAccepted() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game invitation = facade.create(alice, bob);
        AttributeValue expiresAt = store.rawItem(invitation.gameId()).get("ExpiresAt");
        assertEquals(
                Long.toString(WEEK.deadlineOf(invitation.statusDate().date()).getEpochSecond()),
                expiresAt.n(),
                "a number: epoch seconds, as time to live reads it");

        facade.accept(invitation.gameId(), bob);
        assertFalse(store.rawItem(invitation.gameId()).containsKey("ExpiresAt"), "removed by the accept");
    }

    @Test
    void expiredInvitationsAreNotListedAndTakeNoPlace() {
        String popular = store.registeredPlayer("popular");
        String host = store.registeredPlayer("host");
        for (int i = 0; i < InvitationLimits.PER_INVITEE; i++) {
            expiredInvitation(store.registeredPlayer("fan"), popular);
        }
        for (int i = 0; i < InvitationLimits.PER_INVITER; i++) {
            expiredInvitation(host, store.registeredPlayer("guest"));
        }
        String original = rawInvitation(
                store.registeredPlayer("fan"), popular, Instant.now().minus(Duration.ofDays(30)), null);

        assertEquals(0, dao.countInvitationsFor(popular, InvitationLimits.PER_INVITEE));
        assertEquals(List.of(), dao.invitationsBy(host, InvitationLimits.PER_INVITER));
        Lobby lobby = facade.lobby(popular);
        assertEquals(List.of(), lobby.invitations());
        assertFalse(lobby.moreInvitations());
        assertEquals(List.of(), facade.lobby(host).sentInvitations());
        assertFalse(facade.lobby(host).moreSent());

        // Neither limit is reached: expired invitations fill no places.
        Game fresh = facade.create(host, popular);
        assertEquals(GameStatus.PENDING, fresh.status());
        assertEquals(List.of(fresh.gameId()), ids(facade.lobby(popular).invitations()));
        assertEquals(List.of(fresh.gameId()), ids(facade.lobby(host).sentInvitations()));
        assertEquals(1, dao.countInvitationsFor(popular, InvitationLimits.PER_INVITEE));

        // Declining an expired one (from a page shown before it expired) deletes it.
        assertTrue(facade.decline(original, popular));
        assertTrue(store.rawItem(original) == null || store.rawItem(original).isEmpty());
    }

    @Test
    void anExpiredInvitationToTheSamePlayerIsNoAnswerToInvitingAgain() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        String expired = expiredInvitation(alice, bob);
        Game next = facade.create(alice, bob);
        assertFalse(next.gameId().equals(expired), "a new invitation, not the expired one");
        assertEquals(GameStatus.PENDING, next.status());
    }

    /**
     * With a lifetime of two seconds: a lobby this server knows (and would show without reading
     * it again) loses the invitation the moment it expires, on both players' side, and the
     * accept is refused.
     */
    @Test
    void anInvitationLeavesBothLobbiesTheMomentItExpires() throws InterruptedException {
        InvitationLifetime brief = new InvitationLifetime(Duration.ofSeconds(2));
        DynamoGameDao briefDao =
                new DynamoGameDao(store.client(), store.table(), store.recordsTable(), executor, brief);
        GameServer briefServer = store.newServer(briefDao);
        GameFacade briefFacade;
        System.setProperty(InvitationSettings.LIFETIME, "PT2S");
        try {
            briefFacade = briefServer.facade();
        } finally {
            System.clearProperty(InvitationSettings.LIFETIME);
        }
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game invitation = briefFacade.create(alice, bob);
        assertEquals(List.of(invitation.gameId()), ids(briefFacade.lobby(bob).invitations()));
        assertEquals(List.of(invitation.gameId()), ids(briefFacade.lobby(alice).sentInvitations()));

        Instant deadline = brief.deadlineOf(invitation.statusDate().date());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 50);

        assertEquals(List.of(), briefFacade.lobby(bob).invitations());
        assertEquals(List.of(), briefFacade.lobby(alice).sentInvitations());
        assertEquals(0, briefDao.countInvitationsFor(bob, InvitationLimits.PER_INVITEE));
        Map<String, AttributeValue> before = store.rawItem(invitation.gameId());
        assertEquals(Rejection.INVITATION_EXPIRED, refusal(() -> briefFacade.accept(invitation.gameId(), bob)));
        assertEquals(before, store.rawItem(invitation.gameId()), "nothing written");
    }
}
