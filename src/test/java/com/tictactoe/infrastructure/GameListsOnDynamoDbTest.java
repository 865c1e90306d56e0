package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Outcome;
import com.tictactoe.testsupport.LocalGames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lobby's lists for a user who hosts some games and is invited to others with the same
 * status: the case where the original answered HTTP 500.
 */
class GameListsOnDynamoDbTest {

    private static LocalGames store;
    private static GameFacade facade;

    /** Game ids in the order they reached their current status, oldest first. */
    private static final List<String> pending = new ArrayList<>();

    private static final List<String> sentByAnn = new ArrayList<>();
    private static final List<String> playing = new ArrayList<>();
    private static final List<String> finished = new ArrayList<>();

    @BeforeAll
    static void playManyGames() {
        store = LocalGames.withFreshTable().register("ann", "rival0", "rival1", "rival2");
        facade = store.newFacade();
        for (int i = 0; i < 13; i++) {
            store.register("friend" + i);
            boolean annHosts = i % 2 == 0;
            String other = "rival" + (i % 3);
            String host = annHosts ? "ann" : other;
            String guest = annHosts ? other : "ann";

            // One open invitation per pair at most: inviting again would answer with the open one.
            String friend = "friend" + i;
            Game invitation = annHosts ? facade.create("ann", friend) : facade.create(friend, "ann");
            (annHosts ? sentByAnn : pending).add(invitation.gameId());

            Game game = facade.accept(facade.create(host, guest).gameId(), guest);
            playing.add(game.gameId());
            if (i % 3 == 0) {
                facade.move(game.gameId(), host, "MiddleMiddle");
            }

            Game done = facade.accept(facade.create(host, guest).gameId(), guest);
            for (String square : new String[] {"TopLeft", "MiddleLeft", "TopMiddle", "MiddleMiddle", "TopRight"}) {
                done = facade.move(done.gameId(), done.turn(), square);
            }
            finished.add(done.gameId());
        }
        // Another user's games must never show up in ann's lists.
        facade.accept(facade.create("rival1", "rival2").gameId(), "rival2");
        facade.create("rival2", "rival1");
    }

    @AfterAll
    static void dropTable() {
        store.close();
    }

    private static List<String> newestTen(List<String> oldestFirst) {
        List<String> newest = new ArrayList<>(oldestFirst);
        Collections.reverse(newest);
        return newest.subList(0, Math.min(10, newest.size()));
    }

    private static List<String> ids(List<GameSummary> games) {
        return games.stream().map(GameSummary::gameId).toList();
    }

    private static void assertNewestFirst(List<GameSummary> games) {
        for (int i = 1; i < games.size(); i++) {
            assertTrue(
                    StatusDates.format(games.get(i - 1).statusDate())
                                    .compareTo(StatusDates.format(games.get(i).statusDate()))
                            > 0,
                    "newest first");
        }
    }

    /**
     * The lobby as a server that heard of none of these games shows it: read from the indexes
     * alone, with no change heard laid over it.
     */
    private static Lobby readFromTheIndexes(String player) {
        return store.newFacade().lobby(player);
    }

    @Test
    void invitationsAreTheTenNewestGamesAnnIsInvitedTo() {
        List<GameSummary> invitations = readFromTheIndexes("ann").invitations();
        assertEquals(newestTen(pending), ids(invitations));
        invitations.forEach(game -> assertEquals("ann", game.opponentId()));
        assertNewestFirst(invitations);
    }

    @Test
    void sentInvitationsAreTheTenNewestAnnHosts() {
        assertEquals(newestTen(sentByAnn), ids(readFromTheIndexes("ann").sentInvitations()));
    }

    @Test
    void gamesInProgressMergeBothRolesNewestFirstWithWhoseTurn() {
        List<GameSummary> games = readFromTheIndexes("ann").inProgress();
        assertEquals(newestTen(playing), ids(games));
        assertNewestFirst(games);
        for (GameSummary game : games) {
            assertEquals(GameStatus.IN_PROGRESS, game.status());
            Game full = store.newFacade().game(game.gameId()).orElseThrow();
            assertEquals(full.turn(), game.turn(), "whose turn comes from the item itself");
        }
        assertTrue(games.stream().anyMatch(game -> game.isTurnOf("ann")));
        assertTrue(games.stream().anyMatch(game -> !game.isTurnOf("ann")));
    }

    @Test
    void finishedGamesMergeBothRolesNewestFirstWithTheOutcome() {
        List<GameSummary> games = readFromTheIndexes("ann").finished();
        assertEquals(newestTen(finished), ids(games));
        assertNewestFirst(games);
        // The host always won these games: ann won those she hosted.
        for (GameSummary game : games) {
            Outcome expected = game.hostId().equals("ann") ? Outcome.WIN : Outcome.LOSS;
            assertEquals(expected, game.outcomeFor("ann").orElseThrow());
        }
    }

    /** The server that made the games knows the same lists, from the changes it made laid over a read. */
    @Test
    void theLobbyHoldsAllFourListsAtOnce() {
        Lobby lobby = facade.lobby("ann");
        assertEquals(newestTen(pending), ids(lobby.invitations()));
        assertEquals(newestTen(sentByAnn), ids(lobby.sentInvitations()));
        assertEquals(newestTen(playing), ids(lobby.inProgress()));
        assertEquals(newestTen(finished), ids(lobby.finished()));
    }

    @Test
    void aUserWithoutGamesHasEmptyLists() {
        Lobby lobby = facade.lobby("nobody");
        assertTrue(lobby.invitations().isEmpty()
                && lobby.sentInvitations().isEmpty()
                && lobby.inProgress().isEmpty()
                && lobby.finished().isEmpty());
    }
}
