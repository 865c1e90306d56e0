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

    /** How many games the lists of games in progress and finished games hold, as in the original. */
    int LIST_LIMIT = 10;

    /**
     * How many invitations a lobby shows, received and sent: all that the limits allow to be
     * open at once, so that no invitation hides behind newer ones.
     */
    int INVITATIONS_SHOWN = InvitationLimits.PER_INVITEE;

    int SENT_SHOWN = InvitationLimits.PER_INVITER;

    /** Stores a new game, an invitation or a challenge; fails if a game with its id already exists. */
    void create(Game game);

    Optional<Game> find(String gameId);

    /**
     * Starts the game if it is still pending, has not expired at {@code now} and {@code opponentId}
     * is its invitee.
     */
    Game accept(String gameId, String opponentId, Instant now);

    /**
     * Starts the game with {@code playerId} as its opponent if it is still an open challenge (pending,
     * no opponent yet), has not expired at {@code now}, and {@code playerId} is not its host. Of two
     * players accepting at once exactly one succeeds; the other's write changes nothing.
     */
    Game acceptChallenge(String gameId, String playerId, Instant now);

    /** Deletes the game if it is still pending and {@code opponentId} is its invitee. */
    Game decline(String gameId, String opponentId);

    /** Deletes the game if it is still pending and {@code hostId} hosts it. */
    Game cancel(String gameId, String hostId);

    /**
     * Stores {@code after}, the result of one move on {@code before}, only if the game is still
     * exactly {@code before}.
     */
    void move(Game before, Game after, Square square);

    /**
     * Stores {@code after}, {@code before} ended by resignation, claim or time-out, only if the game
     * is still being played with the same player to move since the same time.
     */
    void end(Game before, Game after);

    /**
     * Ids of games being played whose player to move may have run out of time by {@code now}
     * ({@link TimeLimits#stalledAfter()}): at most {@code perShard} from each part of the store's
     * index, some of them not quite due yet; the caller checks each on the stored game.
     */
    List<String> stalledBy(Instant now, int perShard);

    /**
     * The newest open invitations and challenges (pending, not expired) that {@code userId} hosts,
     * newest first, at most {@code limit}.
     */
    List<GameSummary> invitationsBy(String userId, int limit);

    /**
     * How many open invitations (pending, not expired) {@code userId} has, counted up to {@code upTo}
     * at most.
     */
    int countInvitationsFor(String userId, int upTo);

    /** All four lists of a player's lobby, fetched together; the invitations are the open ones. */
    Lobby lobbyOf(String userId);

    /**
     * A page of the games {@code userId} played to the end, newest first: the first page if
     * {@code cursor} is null, else the page a former page's {@link HistoryPage#next} points at.
     *
     * @throws BadCursorException if {@code cursor} was not made by this method for this player
     */
    HistoryPage finishedGames(String userId, String cursor, int pageSize);
}
