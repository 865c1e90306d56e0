package com.tictactoe.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where games are kept. Every state change is a single conditional write that either happens
 * whole or not at all; when its condition fails it throws {@link WriteConflictException} carrying
 * the current state and changes nothing.
 */
public interface GameRepository {

    /** How many games each list holds at most, as in the original. */
    int LIST_LIMIT = 10;

    /** Stores a new game; fails if a game with its id already exists. */
    void create(Game game);

    Optional<Game> find(String gameId);

    /** Starts the game if it is still pending and {@code opponentId} is its invitee. */
    Game accept(String gameId, String opponentId, Instant now);

    /** Deletes the game if it is still pending and {@code opponentId} is its invitee. */
    Game decline(String gameId, String opponentId);

    /** Deletes the game if it is still pending and {@code hostId} hosts it. */
    Game cancel(String gameId, String hostId);

    /**
     * Stores {@code after}, the result of one move on {@code before}, only if the game is still
     * exactly {@code before}.
     */
    void move(Game before, Game after, Square square);

    /** The newest pending games to which {@code userId} is invited, newest first. */
    List<GameSummary> invitationsFor(String userId);

    /** The newest pending games that {@code userId} hosts, newest first. */
    List<GameSummary> invitationsBy(String userId);

    /** The newest games of {@code userId} with that status, as host or opponent, newest first. */
    List<GameSummary> gamesOf(String userId, GameStatus status);

    /** All four lists of a player's lobby, fetched together. */
    Lobby lobbyOf(String userId);
}
