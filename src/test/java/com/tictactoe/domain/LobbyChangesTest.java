package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A lobby brought up to date by a change, without reading the lists again, or known to need it. */
class LobbyChangesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static GameSummary game(int id, String host, String opponent, GameStatus status, int minute) {
        String turn = status == GameStatus.IN_PROGRESS ? host : null;
        return new GameSummary(
                "g" + id, host, opponent, new StatusDate(status, T0.plusSeconds(60L * minute)), turn, null);
    }

    private static final Lobby EMPTY = new Lobby(List.of(), false, List.of(), false, List.of(), List.of());

    private static Lobby change(Lobby lobby, String player, GameSummary game) {
        return lobby.afterChange(player, game, false).orElseThrow();
    }

    @Test
    void anInvitationIsReceivedByTheOpponentAndSentByTheHost() {
        GameSummary invitation = game(1, "alice", "bob", GameStatus.PENDING, 1);
        assertEquals(List.of(invitation), change(EMPTY, "bob", invitation).invitations());
        assertEquals(List.of(), change(EMPTY, "bob", invitation).sentInvitations());
        assertEquals(List.of(invitation), change(EMPTY, "alice", invitation).sentInvitations());
        assertEquals(List.of(), change(EMPTY, "alice", invitation).invitations());
    }

    @Test
    void aGameMovesFromListToListAndNewestComeFirst() {
        Lobby lobby = change(EMPTY, "bob", game(1, "alice", "bob", GameStatus.PENDING, 1));
        lobby = change(lobby, "bob", game(2, "carol", "bob", GameStatus.IN_PROGRESS, 2));
        lobby = change(lobby, "bob", game(1, "alice", "bob", GameStatus.IN_PROGRESS, 3));
        assertEquals(List.of(), lobby.invitations());
        assertEquals(List.of("g1", "g2"), ids(lobby.inProgress()));
        lobby = change(lobby, "bob", game(2, "carol", "bob", GameStatus.FINISHED, 4));
        assertEquals(List.of("g1"), ids(lobby.inProgress()));
        assertEquals(List.of("g2"), ids(lobby.finished()));
    }

    @Test
    void aDeletedInvitationLeavesBothLists() {
        GameSummary invitation = game(1, "alice", "bob", GameStatus.PENDING, 1);
        Lobby lobby = change(EMPTY, "bob", invitation);
        assertEquals(EMPTY, lobby.afterChange("bob", invitation, true).orElseThrow());
    }

    @Test
    void aChangeAlreadyShownChangesNothing() {
        Lobby lobby = change(EMPTY, "bob", game(1, "alice", "bob", GameStatus.IN_PROGRESS, 1));
        assertEquals(lobby, change(lobby, "bob", game(1, "alice", "bob", GameStatus.IN_PROGRESS, 1)));
    }

    @Test
    void aNewTurnReplacesTheOldOne() {
        GameSummary playing = game(1, "alice", "bob", GameStatus.IN_PROGRESS, 1);
        Lobby lobby = change(change(EMPTY, "bob", playing), "bob", playing.withTurn("bob"));
        assertEquals(List.of(playing.withTurn("bob")), lobby.inProgress());
    }

    @Test
    void aFullListKeepsTheTenNewest() {
        Lobby lobby = EMPTY;
        for (int i = 0; i < 12; i++) {
            lobby = change(lobby, "bob", game(i, "p" + i, "bob", GameStatus.FINISHED, i));
        }
        assertEquals(10, lobby.finished().size());
        assertEquals("g11", lobby.finished().get(0).gameId());
        assertEquals("g2", lobby.finished().get(9).gameId());
        assertEquals(lobby, change(lobby, "bob", game(0, "p0", "bob", GameStatus.FINISHED, 0)), "older than all shown");
    }

    @Test
    void aGameLeavingAFullListMakesTheLobbyUnknown() {
        List<GameSummary> playing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            playing.add(game(i, "p" + i, "bob", GameStatus.IN_PROGRESS, 20 - i));
        }
        Lobby full = new Lobby(List.of(), false, List.of(), false, playing, List.of());
        assertEquals(
                Optional.empty(),
                full.afterChange("bob", game(3, "p3", "bob", GameStatus.FINISHED, 30), false),
                "an eleventh game in progress, never read, would now be shown");
        assertTrue(
                full.afterChange("bob", playing.get(3).withTurn("bob"), false).isPresent(), "a move stays in the list");

        Lobby nine = new Lobby(List.of(), false, List.of(), false, playing.subList(0, 9), List.of());
        assertTrue(
                nine.afterChange("bob", game(3, "p3", "bob", GameStatus.FINISHED, 30), false)
                        .isPresent(),
                "fewer than ten: there is no other");
    }

    @Test
    void aDeclinedInvitationMakesRoomForOlderOnesOnlyWhenThereAreSome() {
        GameSummary invitation = game(1, "alice", "bob", GameStatus.PENDING, 1);
        Lobby complete = new Lobby(List.of(invitation), false, List.of(), false, List.of(), List.of());
        Lobby withMore = new Lobby(List.of(invitation), true, List.of(), false, List.of(), List.of());
        assertTrue(complete.afterChange("bob", invitation, true).isPresent());
        assertFalse(withMore.afterChange("bob", invitation, true).isPresent());
    }

    private static List<String> ids(List<GameSummary> games) {
        return games.stream().map(GameSummary::gameId).toList();
    }

    @Test
    void aListThatReachesItsLimitSaysNothingOfOlderOnes() {
        Lobby lobby = EMPTY;
        for (int i = 0; i < InvitationLimits.PER_INVITEE; i++) {
            lobby = change(lobby, "bob", game(i, "p" + i, "bob", GameStatus.PENDING, i));
        }
        assertEquals(InvitationLimits.PER_INVITEE, lobby.invitations().size());
        assertFalse(lobby.moreInvitations());
        lobby = change(lobby, "bob", game(99, "p99", "bob", GameStatus.PENDING, 99));
        assertTrue(lobby.moreInvitations());
        assertEquals("g99", lobby.invitations().get(0).gameId());
    }
}
