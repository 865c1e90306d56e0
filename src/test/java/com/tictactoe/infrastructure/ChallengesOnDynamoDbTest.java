package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import com.tictactoe.domain.PendingLifetimes;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.StatusDate;
import com.tictactoe.domain.WriteConflictException;
import com.tictactoe.testsupport.GameServer;
import com.tictactoe.testsupport.LocalGames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Challenges by link (issue 21, point 2) on DynamoDB Local, through the facades of two servers and
 * the real DAO: of players accepting one link at once exactly one becomes the opponent; an expired
 * link is refused by the write's own condition; the host can cancel but not accept; an accepted
 * challenge is stored exactly as an accepted invitation. Challenges here live a day, invitations a
 * week, so that each kind is seen to follow its own setting.
 */
class ChallengesOnDynamoDbTest {

    private static final InvitationLifetime WEEK = InvitationLifetime.DEFAULT;
    private static final InvitationLifetime DAY = new InvitationLifetime(Duration.ofDays(1));

    private static LocalGames store;
    private static ExecutorService executor;
    private static DynamoGameDao dao;
    private static GameServer server;
    private static GameServer otherServer;
    private static GameFacade facade;
    private static GameFacade otherFacade;

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable();
        executor = Executors.newFixedThreadPool(4);
        dao = new DynamoGameDao(
                store.client(), store.table(), store.recordsTable(), executor, new PendingLifetimes(WEEK, DAY));
        System.setProperty(InvitationSettings.CHALLENGE_LIFETIME, "P1D");
        try {
            server = store.newServer(dao);
            otherServer = store.newServer(dao);
            facade = server.facade();
            otherFacade = otherServer.facade();
        } finally {
            System.clearProperty(InvitationSettings.CHALLENGE_LIFETIME);
        }
    }

    @AfterAll
    static void dropTable() {
        executor.shutdownNow();
        store.close();
    }

    private static Rejection refusal(Supplier<?> request) {
        return assertThrows(GameRuleException.class, request::get).rejection();
    }

    private static void refusedAndUnchanged(String gameId, Rejection expected, Supplier<?> request) {
        Map<String, AttributeValue> before = store.rawItem(gameId);
        assertEquals(expected, refusal(request));
        assertEquals(before, store.rawItem(gameId), "nothing written");
    }

    /** A challenge written straight to the table, as this app writes one, sent at {@code sent}. */
    private static String rawChallenge(String host, Instant sent, long expiresAt) {
        String id = UUID.randomUUID().toString();
        store.putRaw(new HashMap<>(Map.of(
                "GameId", AttributeValue.fromS(id),
                "HostId", AttributeValue.fromS(host),
                "OUser", AttributeValue.fromS(host),
                "Turn", AttributeValue.fromS(host),
                "StatusDate", AttributeValue.fromS(StatusDates.format(new StatusDate(GameStatus.PENDING, sent))),
                "ExpiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
        return id;
    }

    /**
     * Players on two servers accept the same link at the same moment, again and again: each time
     * exactly one becomes the opponent, the other is told someone else was first, and the table holds
     * the winner's game as the winner was told it.
     */
    @Test
    void ofTwoPlayersAcceptingOneChallengeAtOnceExactlyOneWins() throws Exception {
        String bob = store.registeredPlayer("bob");
        String carol = store.registeredPlayer("carol");
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            Set<String> winners = new HashSet<>();
            for (int round = 0; round < 8; round++) {
                String id =
                        facade.createChallenge(store.registeredPlayer("host")).gameId();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> bobs = racers.submit(() -> race(together, () -> facade.acceptChallenge(id, bob)));
                Future<Object> carols =
                        racers.submit(() -> race(together, () -> otherFacade.acceptChallenge(id, carol)));
                List<Object> answers = List.of(bobs.get(), carols.get());
                List<Game> started = answers.stream()
                        .filter(Game.class::isInstance)
                        .map(Game.class::cast)
                        .toList();
                assertEquals(1, started.size(), "exactly one wins: " + answers);
                assertTrue(answers.contains(Rejection.CHALLENGE_TAKEN), "the other is told it was taken: " + answers);
                Game winner = started.get(0);
                assertEquals(GameStatus.IN_PROGRESS, winner.status());
                assertEquals(winner, dao.find(id).orElseThrow(), "stored as the winner was told");
                assertEquals(winner.opponentId(), GameItems.string(store.rawItem(id), "OpponentId"));
                winners.add(winner.opponentId());
            }
            System.out.println("Challenge races won by " + winners);
        } finally {
            racers.shutdownNow();
        }
    }

    /** The game a racer got, or the rejection it was refused with. */
    private static Object race(CyclicBarrier together, Supplier<Game> accept) throws Exception {
        together.await();
        try {
            return accept.get();
        } catch (GameRuleException refused) {
            return refused.rejection();
        }
    }

    /**
     * The race with time: the link was open when the player looked and expires before the write
     * lands. The DAO is given that later moment, as the write would carry it: the condition alone
     * refuses, by the challenge's own lifetime (a day, where an invitation would still be open), and
     * whether it is judged by its date or by a stored deadline that has passed.
     */
    @Test
    void anExpiredChallengeIsRefusedByTheWritesCondition() {
        String host = store.registeredPlayer("host");
        String bob = store.registeredPlayer("bob");
        Instant sent = Instant.now().minus(Duration.ofHours(2));
        Instant deadline = DAY.deadlineOf(sent);
        String id = rawChallenge(host, sent, deadline.getEpochSecond());
        Map<String, AttributeValue> before = store.rawItem(id);

        assertThrows(WriteConflictException.class, () -> dao.acceptChallenge(id, bob, deadline));
        assertEquals(before, store.rawItem(id), "nothing written");
        // Past its stored deadline though its date says it is open: time to live may delete it any moment.
        String pastItsDeadline =
                rawChallenge(host, sent, Instant.now().minusSeconds(1).getEpochSecond());
        refusedAndUnchanged(
                pastItsDeadline, Rejection.CHALLENGE_EXPIRED, () -> facade.acceptChallenge(pastItsDeadline, bob));
        // Sent more than a day ago: expired by the challenges' lifetime.
        String old = rawChallenge(
                host, Instant.now().minus(Duration.ofHours(25)), Instant.now().getEpochSecond() + 3600);
        refusedAndUnchanged(old, Rejection.CHALLENGE_EXPIRED, () -> facade.acceptChallenge(old, bob));
        assertFalse(
                facade.lobby(host).sentInvitations().stream()
                        .anyMatch(game -> game.gameId().equals(old)),
                "not listed either");

        // A microsecond before its deadline it is still open.
        Game started = dao.acceptChallenge(id, bob, deadline.minusNanos(1000));
        assertEquals(bob, started.opponentId());
        assertNull(store.rawItem(id).get("ExpiresAt"), "a game in play is never deleted");
    }

    @Test
    void aChallengeIsAPendingGameWithoutOpponentWithItsOwnDeadlineListedAmongTheHostsInvitations() {
        String host = store.registeredPlayer("host");
        Game challenge = facade.createChallenge(host);
        Map<String, AttributeValue> item = store.rawItem(challenge.gameId());

        assertEquals(
                Set.of("GameId", "HostId", "OUser", "Turn", "StatusDate", "ExpiresAt"),
                item.keySet(),
                "the original's attributes of a pending game but OpponentId, and the time to live");
        assertTrue(GameItems.string(item, "StatusDate").startsWith("PENDING_"));
        assertEquals(host, GameItems.string(item, "Turn"));
        assertEquals(
                Long.toString(DAY.deadlineOf(challenge.statusDate().date()).getEpochSecond()),
                item.get("ExpiresAt").n(),
                "the challenges' lifetime, not the invitations'");
        assertEquals(challenge, dao.find(challenge.gameId()).orElseThrow());
        List<GameSummary> sent = dao.invitationsBy(host, InvitationLimits.PER_INVITER);
        assertEquals(
                List.of(challenge.gameId()),
                sent.stream().map(GameSummary::gameId).toList());
        assertTrue(sent.get(0).isChallenge());
        assertEquals(List.of(challenge.summary()), facade.lobby(host).sentInvitations());
        assertEquals(List.of(challenge.summary()), otherFacade.lobby(host).sentInvitations(), "as read from the index");

        // A repeated click makes no second challenge.
        assertEquals(challenge.gameId(), facade.createChallenge(host).gameId());
        assertEquals(challenge.gameId(), otherFacade.createChallenge(host).gameId());
    }

    /**
     * The accept of a challenge writes what the accept of an invitation writes, and the opponent:
     * the two stored games have the same attributes with the same values but for the id and dates.
     */
    @Test
    void anAcceptedChallengeIsStoredExactlyAsAnAcceptedInvitation() {
        String host = store.registeredPlayer("host");
        String bob = store.registeredPlayer("bob");
        Game viaLink = facade.acceptChallenge(facade.createChallenge(host).gameId(), bob);
        Game invited = facade.accept(facade.create(host, bob).gameId(), bob);

        Map<String, AttributeValue> link = store.rawItem(viaLink.gameId());
        Map<String, AttributeValue> invitation = store.rawItem(invited.gameId());
        assertEquals(invitation.keySet(), link.keySet());
        for (String name : invitation.keySet()) {
            if (!Set.of("GameId", "StatusDate", "TurnSince", "StalledFrom", "StallShard")
                    .contains(name)) {
                assertEquals(invitation.get(name), link.get(name), name);
            }
        }
        assertEquals(bob, GameItems.string(link, "OpponentId"));
        assertTrue(GameItems.string(link, "StatusDate").startsWith("IN_PROGRESS_"));
        assertEquals(
                List.of(viaLink.gameId(), invited.gameId()).stream().sorted().toList(),
                facade.lobby(bob).inProgress().stream()
                        .map(GameSummary::gameId)
                        .sorted()
                        .toList());
        Game moved = facade.move(viaLink.gameId(), host, "TopLeft");
        assertEquals(bob, moved.turn(), "the host moved first, as after an invitation");
    }

    @Test
    void theHostCannotAcceptButMayCancelAndNobodyElseMay() {
        String host = store.registeredPlayer("host");
        String bob = store.registeredPlayer("bob");
        String id = facade.createChallenge(host).gameId();

        refusedAndUnchanged(id, Rejection.OWN_CHALLENGE, () -> facade.acceptChallenge(id, host));
        Map<String, AttributeValue> before = store.rawItem(id);
        assertThrows(
                WriteConflictException.class,
                () -> dao.acceptChallenge(id, host, Instant.now()),
                "the write's condition refuses the host too");
        assertEquals(before, store.rawItem(id));
        refusedAndUnchanged(id, Rejection.NOT_INVITED, () -> facade.decline(id, bob));
        refusedAndUnchanged(id, Rejection.NOT_HOST, () -> facade.cancel(id, bob));
        refusedAndUnchanged(id, Rejection.NOT_INVITED, () -> facade.accept(id, bob));

        assertTrue(facade.cancel(id, host));
        assertTrue(store.rawItem(id) == null || store.rawItem(id).isEmpty(), "deleted");
        assertEquals(Rejection.NO_SUCH_GAME, refusal(() -> otherFacade.acceptChallenge(id, bob)));
        assertEquals(List.of(), facade.lobby(host).sentInvitations());
    }

    @Test
    void aSecondClickOfTheWinnerIsItsSuccessAndAnInvitationIsNoChallenge() {
        String host = store.registeredPlayer("host");
        String bob = store.registeredPlayer("bob");
        String carol = store.registeredPlayer("carol");
        String id = facade.createChallenge(host).gameId();
        Game started = facade.acceptChallenge(id, bob);
        assertEquals(started, otherFacade.acceptChallenge(id, bob), "a double click lands on the same game");
        refusedAndUnchanged(id, Rejection.CHALLENGE_TAKEN, () -> facade.acceptChallenge(id, carol));

        String invitation = facade.create(host, bob).gameId();
        refusedAndUnchanged(invitation, Rejection.NOT_INVITED, () -> facade.acceptChallenge(invitation, carol));
        refusedAndUnchanged(invitation, Rejection.NOT_INVITED, () -> facade.acceptChallenge(invitation, bob));
        refusedAndUnchanged(id, Rejection.NO_SUCH_GAME, () -> facade.acceptChallenge("no such game!", bob));
    }

    /** Challenges take places among the host's open invitations; nobody's received ones. */
    @Test
    void challengesCountAmongTheHostsInvitations() {
        String host = store.registeredPlayer("host");
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < InvitationLimits.PER_INVITER - 1; i++) {
            // one each, not a repeat: each older than the repeat window
            challenges.add(rawChallenge(
                    host, Instant.now().minusSeconds(60 + i), Instant.now().getEpochSecond() + 3600));
        }
        facade.create(host, store.registeredPlayer("guest"));
        assertEquals(Rejection.TOO_MANY_SENT, refusal(() -> facade.createChallenge(host)));
        assertEquals(Rejection.TOO_MANY_SENT, refusal(() -> facade.create(host, store.registeredPlayer("guest"))));
        assertEquals(
                InvitationLimits.PER_INVITER,
                facade.lobby(host).sentInvitations().size(),
                "all listed: "
                        + facade.lobby(host).sentInvitations().stream()
                                .map(GameSummary::gameId)
                                .collect(Collectors.joining(", ")));
        assertTrue(facade.cancel(challenges.get(0), host));
        assertNotEquals(challenges.get(0), facade.createChallenge(host).gameId());
    }
}
