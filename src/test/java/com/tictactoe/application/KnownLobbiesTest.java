package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.StatusDate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KnownLobbiesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Lobby EMPTY = new Lobby(List.of(), false, List.of(), false, List.of(), List.of());

    private final AtomicLong now = new AtomicLong(7_000_000_000_000L); // nanoTime may be any value
    private final KnownLobbies lobbies = new KnownLobbies(now::get);
    private final AtomicInteger reads = new AtomicInteger();

    /** The lists as the indexes give them, counting reads. */
    private Function<String, Lobby> indexes(Lobby lobby) {
        return player -> {
            reads.incrementAndGet();
            return lobby;
        };
    }

    private static GameSummary game(String id, GameStatus status) {
        return new GameSummary(
                id,
                "alice",
                "bob",
                new StatusDate(status, T0),
                status == GameStatus.IN_PROGRESS ? "alice" : null,
                null);
    }

    private void hear(GameSummary game, int progress) {
        lobbies.changed(game, false, progress);
    }

    @Test
    void aKnownLobbyIsNotReadAgain() {
        lobbies.of("bob", indexes(EMPTY));
        lobbies.of("bob", indexes(EMPTY));
        assertEquals(1, reads.get());
    }

    @Test
    void aChangeHeardIsShownWithoutReading() {
        lobbies.of("bob", indexes(EMPTY));
        hear(game("g1", GameStatus.PENDING), 0);
        assertEquals(
                List.of(game("g1", GameStatus.PENDING)),
                lobbies.of("bob", indexes(EMPTY)).invitations());
        assertEquals(
                List.of(game("g1", GameStatus.PENDING)),
                lobbies.of("alice", indexes(EMPTY)).sentInvitations());
        assertEquals(2, reads.get(), "bob's once, alice's once");
    }

    @Test
    void aLobbyIsReadAgainWhenItMayHaveMissedOtherServersChanges() {
        lobbies.of("bob", indexes(EMPTY));
        now.addAndGet(KnownLobbies.MAX_AGE_NANOS + 1);
        lobbies.of("bob", indexes(EMPTY));
        assertEquals(2, reads.get());
    }

    @Test
    void listsReadFromALaggingIndexShowTheChangesHeardMeanwhile() {
        hear(game("g1", GameStatus.IN_PROGRESS), 10);
        assertEquals(
                List.of(game("g1", GameStatus.IN_PROGRESS)),
                lobbies.of("bob", indexes(EMPTY)).inProgress(),
                "the index does not show the game yet");
        now.addAndGet(KnownLobbies.MAX_AGE_NANOS + 1);
        assertEquals(
                List.of(),
                lobbies.of("bob", indexes(EMPTY)).inProgress(),
                "once the index has had time, it is believed");
    }

    @Test
    void anOlderStateHeardLateIsIgnored() {
        lobbies.of("bob", indexes(EMPTY));
        hear(game("g1", GameStatus.FINISHED), 25);
        hear(game("g1", GameStatus.IN_PROGRESS), 14);
        Lobby lobby = lobbies.of("bob", indexes(EMPTY));
        assertEquals(List.of(), lobby.inProgress());
        assertEquals(List.of(game("g1", GameStatus.FINISHED)), lobby.finished());
    }

    @Test
    void aChangeThatCannotBeAppliedMakesTheNextViewRead() {
        List<GameSummary> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(game("g" + i, GameStatus.IN_PROGRESS));
        }
        Lobby full = new Lobby(List.of(), false, List.of(), false, ten, List.of());
        lobbies.of("bob", indexes(full));
        now.addAndGet(KnownLobbies.INDEX_LAG_NANOS + 1);
        hear(game("g3", GameStatus.FINISHED), 25);
        lobbies.of("bob", indexes(full));
        assertEquals(2, reads.get());
    }

    @Test
    void aWithdrawnInvitationLeaves() {
        lobbies.of("bob", indexes(EMPTY));
        hear(game("g1", GameStatus.PENDING), 0);
        lobbies.changed(game("g1", GameStatus.PENDING), true, 0);
        assertEquals(EMPTY, lobbies.of("bob", indexes(EMPTY)));
    }

    @Test
    void aForgottenLobbyIsReadAgain() {
        lobbies.of("bob", indexes(EMPTY));
        lobbies.forget("bob");
        lobbies.of("bob", indexes(EMPTY));
        assertEquals(2, reads.get());
    }

    @Test
    void aLobbyIsTrustedForExactlyItsMaximumAge() {
        lobbies.of("bob", indexes(EMPTY));
        now.addAndGet(KnownLobbies.MAX_AGE_NANOS);
        lobbies.of("bob", indexes(EMPTY));
        assertEquals(1, reads.get());
    }

    @Test
    void changesAreLaidOverReadListsForExactlyTheIndexLag() {
        hear(game("g1", GameStatus.IN_PROGRESS), 10);
        now.addAndGet(KnownLobbies.INDEX_LAG_NANOS);
        assertEquals(1, lobbies.of("bob", indexes(EMPTY)).inProgress().size());
        lobbies.forget("bob");
        now.addAndGet(1);
        assertEquals(0, lobbies.of("bob", indexes(EMPTY)).inProgress().size());
    }

    @Test
    void aWithdrawnInvitationDoesNotComeBackWithALateMessage() {
        lobbies.of("bob", indexes(EMPTY));
        lobbies.changed(game("g1", GameStatus.PENDING), true, 0);
        hear(game("g1", GameStatus.PENDING), 0);
        assertEquals(EMPTY, lobbies.of("bob", indexes(EMPTY)));
    }

    @Test
    void lobbiesInUseStayAndTheCapacityIsKeptBeyondIt() {
        lobbies.of("first", indexes(EMPTY));
        for (int i = 0; i < KnownLobbies.CAPACITY - 1; i++) {
            lobbies.of("p" + i, indexes(EMPTY));
        }
        lobbies.of("first", indexes(EMPTY));
        assertEquals(KnownLobbies.CAPACITY, reads.get(), "all fit");
        assertEquals(KnownLobbies.CAPACITY, lobbies.size());
        for (int i = 0; i < KnownLobbies.CAPACITY; i++) {
            lobbies.of("first", indexes(EMPTY)); // a player who keeps coming back to the lobby
            lobbies.of("more" + i, indexes(EMPTY));
        }
        assertEquals(2 * KnownLobbies.CAPACITY, reads.get(), "the lobby in use was not read again");
        assertEquals(KnownLobbies.CAPACITY, lobbies.size(), "the others were forgotten down to the capacity");
    }

    // ---- in a container: old lobbies are read again in the background ----------------------------

    /** Tasks run when the test says so, as a container's executor runs them a moment later. */
    private final Deque<Runnable> background = new ArrayDeque<>();

    private final KnownLobbies inContainer = new KnownLobbies(now::get, background::add);

    @Test
    void anOldLobbyIsShownAtOnceAndReadAgainInTheBackground() {
        Lobby before = inContainer.of("bob", indexes(EMPTY));
        assertEquals(1, reads.get());
        now.addAndGet(KnownLobbies.MAX_AGE_NANOS + 1);
        Lobby withGame =
                new Lobby(List.of(game("g1", GameStatus.PENDING)), false, List.of(), false, List.of(), List.of());

        assertEquals(before, inContainer.of("bob", indexes(withGame)), "the known lobby, without waiting");
        assertEquals(before, inContainer.of("bob", indexes(withGame)));
        assertEquals(1, background.size(), "one read at a time");
        assertEquals(1, reads.get(), "not read yet");

        background.poll().run();
        assertEquals(2, reads.get());
        assertEquals(withGame, inContainer.of("bob", indexes(withGame)), "the lists read in the background");
        assertEquals(0, background.size(), "young again");
    }

    @Test
    void aFailedBackgroundReadKeepsTheKnownLobbyAndIsTriedAgain() {
        Lobby before = inContainer.of("bob", indexes(EMPTY));
        now.addAndGet(KnownLobbies.MAX_AGE_NANOS + 1);
        inContainer.of("bob", player -> {
            throw new IllegalStateException("DynamoDB is unreachable");
        });
        background.poll().run();
        assertEquals(before, inContainer.of("bob", indexes(EMPTY)));
        assertEquals(1, background.size(), "tried again on the next view");
    }

    @Test
    void anUnknownLobbyIsStillReadBeforeItIsShown() {
        Lobby withGame =
                new Lobby(List.of(game("g1", GameStatus.PENDING)), false, List.of(), false, List.of(), List.of());
        assertEquals(withGame, inContainer.of("bob", indexes(withGame)));
        inContainer.forget("bob");
        assertEquals(EMPTY, inContainer.of("bob", indexes(EMPTY)), "a forgotten lobby too");
        assertEquals(0, background.size());
    }

    @Test
    void aBusyExecutorMeansTheOldLobbyIsReadAtOnce() {
        KnownLobbies busy = new KnownLobbies(now::get, task -> {
            throw new RejectedExecutionException("full");
        });
        busy.of("bob", indexes(EMPTY));
        now.addAndGet(KnownLobbies.MAX_AGE_NANOS + 1);
        Lobby withGame =
                new Lobby(List.of(game("g1", GameStatus.PENDING)), false, List.of(), false, List.of(), List.of());
        assertEquals(withGame, busy.of("bob", indexes(withGame)));
        assertThrows(
                IllegalStateException.class,
                () -> busy.of("carol", player -> {
                    throw new IllegalStateException("an unknown lobby's read fails in the request");
                }));
    }
}
