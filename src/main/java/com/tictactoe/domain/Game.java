package com.tictactoe.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One game, immutable: who plays, whose turn it is, its status, the board and, once finished,
 * the result. Every state change returns a new game after checking the rules, so a request the
 * rules refuse never produces a state to store.
 *
 * @param turn      the player to move; {@code null} once the game is finished
 * @param result    the winner's user id once a game is won; {@code null} until then, and for a draw
 * @param turnSince when the player to move got the turn; {@code null} unless the game is being
 *                  played, and for games whose last move the original app made (it keeps no time)
 * @param opponentId the invited player, or who took up a challenge; {@code null} only for an open
 *                  challenge: a pending game that anyone but the host may accept ({@link #challenge})
 * @param ending    how a finished game ended if not by play (resigned, claimed, timed out); else null
 */
public record Game(
        String gameId,
        String hostId,
        String opponentId,
        String oUser,
        String turn,
        StatusDate statusDate,
        String result,
        Board board,
        Instant turnSince,
        Ending ending)
        implements Serializable {

    /** A game without a known turn time or a special ending: as the original app stores one. */
    public Game(
            String gameId,
            String hostId,
            String opponentId,
            String oUser,
            String turn,
            StatusDate statusDate,
            String result,
            Board board) {
        this(gameId, hostId, opponentId, oUser, turn, statusDate, result, board, null, null);
    }

    public Game {
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(oUser, "oUser");
        Objects.requireNonNull(statusDate, "statusDate");
        Objects.requireNonNull(board, "board");
        if (opponentId == null && statusDate.status() != GameStatus.PENDING) {
            throw new IllegalArgumentException("Only a pending game may lack an opponent: " + gameId);
        }
        // As stored: to the microsecond, so that a game read back equals the one written.
        turnSince = turnSince == null ? null : turnSince.truncatedTo(ChronoUnit.MICROS);
    }

    /** A new invitation: the host will play first, with O. */
    public static Game invite(String gameId, String hostId, String opponentId, Instant now) {
        if (opponentId == null || opponentId.isBlank()) {
            throw new GameRuleException(Rejection.OPPONENT_REQUIRED);
        }
        if (sameUser(hostId, opponentId)) {
            throw new GameRuleException(Rejection.SELF_INVITATION);
        }
        return new Game(
                gameId,
                hostId,
                opponentId,
                hostId,
                hostId,
                new StatusDate(GameStatus.PENDING, now),
                null,
                Board.empty());
    }

    /**
     * A new challenge: a game with no named opponent, open to the first signed-in player other than
     * the host who accepts it. As with an invitation, the host will play first, with O.
     */
    public static Game challenge(String gameId, String hostId, Instant now) {
        return new Game(
                gameId, hostId, null, hostId, hostId, new StatusDate(GameStatus.PENDING, now), null, Board.empty());
    }

    /** An open challenge: pending, and nobody has taken it up yet. */
    public boolean isChallenge() {
        return opponentId == null;
    }

    /** What the lists show of this game: the turn only while it is being played. */
    public GameSummary summary() {
        return new GameSummary(
                gameId, hostId, opponentId, statusDate, status() == GameStatus.IN_PROGRESS ? turn : null, result);
    }

    public GameStatus status() {
        return statusDate.status();
    }

    public boolean isPlayer(String userId) {
        return hostId.equals(userId) || (opponentId != null && opponentId.equals(userId));
    }

    /** The other player; for the host of an open challenge, nobody yet ({@code null}). */
    public String opponentOf(String userId) {
        return hostId.equals(userId) ? opponentId : hostId;
    }

    public Mark markOf(String player) {
        return oUser.equals(player) ? Mark.O : Mark.X;
    }

    /** The player who plays {@code mark}; for X in an open challenge, nobody yet ({@code null}). */
    public String playerOf(Mark mark) {
        return mark == Mark.O ? oUser : opponentOf(oUser);
    }

    /** The invited player takes up the invitation; the host moves first. */
    public Game accept(String userId, Instant now) {
        checkInvitee(userId);
        return startedWith(opponentId, now);
    }

    /**
     * {@code userId} takes up the open challenge and becomes the opponent; the host moves first, as
     * after an accepted invitation. Refused to the host, and once someone else took it.
     */
    public Game takeChallenge(String userId, Instant now) {
        checkTaker(userId);
        return startedWith(userId, now);
    }

    /** The game started against {@code opponent} at {@code now}: the host moves first. */
    private Game startedWith(String opponent, Instant now) {
        return new Game(
                gameId,
                hostId,
                opponent,
                oUser,
                hostId,
                new StatusDate(GameStatus.IN_PROGRESS, now),
                null,
                board,
                now,
                null);
    }

    private void checkTaker(String userId) {
        if (!isChallenge()) {
            // Pending with an opponent: an invitation to someone, no challenge to anyone.
            throw new GameRuleException(
                    status() == GameStatus.PENDING ? Rejection.NOT_INVITED : Rejection.CHALLENGE_TAKEN);
        }
        if (hostId.equals(userId)) {
            throw new GameRuleException(Rejection.OWN_CHALLENGE);
        }
    }

    /** Only the invited player may decline, and only an open invitation. */
    public void checkDecline(String userId) {
        checkInvitee(userId);
    }

    /** Only the host may cancel, and only an open invitation. */
    public void checkCancel(String userId) {
        if (!hostId.equals(userId)) {
            throw new GameRuleException(Rejection.NOT_HOST);
        }
        if (status() != GameStatus.PENDING) {
            throw new GameRuleException(Rejection.NOT_PENDING);
        }
    }

    private void checkInvitee(String userId) {
        if (!userId.equals(opponentId)) {
            throw new GameRuleException(Rejection.NOT_INVITED);
        }
        if (status() != GameStatus.PENDING) {
            throw new GameRuleException(Rejection.NOT_PENDING);
        }
    }

    /** Why {@code player} may not play {@code square} now, or empty if the move is legal. */
    public Optional<Rejection> moveRejection(String player, Square square) {
        if (square == null) {
            return Optional.of(Rejection.INVALID_SQUARE);
        }
        if (!isPlayer(player)) {
            return Optional.of(Rejection.NOT_A_PLAYER);
        }
        if (status() != GameStatus.IN_PROGRESS) {
            return Optional.of(Rejection.NOT_IN_PROGRESS);
        }
        if (!player.equals(turn)) {
            return Optional.of(Rejection.NOT_YOUR_TURN);
        }
        if (!board.isEmpty(square)) {
            return Optional.of(Rejection.SQUARE_TAKEN);
        }
        return Optional.empty();
    }

    /**
     * The game after {@code player} marks {@code square}. The move that completes a line or fills
     * the board finishes the game in the same step, with its result.
     */
    public Game play(String player, Square square, Instant now) {
        moveRejection(player, square).ifPresent(rejection -> {
            throw new GameRuleException(rejection);
        });
        Board next = board.with(square, markOf(player));
        if (next.completedLine().isPresent()) {
            return finished(next, player, null, now);
        }
        if (next.isFull()) {
            return finished(next, null, null, now);
        }
        return new Game(gameId, hostId, opponentId, oUser, opponentOf(player), statusDate, null, next, now, null);
    }

    private Game finished(Board finalBoard, String result, Ending ending, Instant now) {
        return new Game(
                gameId,
                hostId,
                opponentId,
                oUser,
                null,
                new StatusDate(GameStatus.FINISHED, now),
                result,
                finalBoard,
                null,
                ending);
    }

    /** {@code player} gives up: the opponent wins. Allowed at any moment of a game being played. */
    public Game resign(String player, Instant now) {
        checkPlaying(player);
        return finished(board, opponentOf(player), Ending.RESIGNED, now);
    }

    /** Why {@code player} may not claim the win now, or empty if they may. */
    public Optional<Rejection> claimRejection(String player, Instant now, TimeLimits limits) {
        if (!isPlayer(player)) {
            return Optional.of(Rejection.NOT_A_PLAYER);
        }
        if (status() != GameStatus.IN_PROGRESS) {
            return Optional.of(Rejection.NOT_IN_PROGRESS);
        }
        if (player.equals(turn)) {
            return Optional.of(Rejection.CLAIM_ON_YOUR_TURN);
        }
        if (claimableFrom(limits).filter(from -> !now.isBefore(from)).isEmpty()) {
            return Optional.of(Rejection.CLAIM_TOO_EARLY);
        }
        return Optional.empty();
    }

    /** The player not to move claims the win: the player to move has had long enough. */
    public Game claim(String player, Instant now, TimeLimits limits) {
        claimRejection(player, now, limits).ifPresent(rejection -> {
            throw new GameRuleException(rejection);
        });
        return finished(board, player, Ending.CLAIMED, now);
    }

    /** When the player not to move may claim the win; empty when not being played or not known. */
    public Optional<Instant> claimableFrom(TimeLimits limits) {
        return turnStarted().map(since -> since.plus(limits.claimAfter()));
    }

    /** When the game ends by itself unless the player to move moves; empty as for claims. */
    public Optional<Instant> stalledFrom(TimeLimits limits) {
        return turnStarted().map(since -> since.plus(limits.stalledAfter()));
    }

    private Optional<Instant> turnStarted() {
        return status() == GameStatus.IN_PROGRESS ? Optional.ofNullable(turnSince) : Optional.empty();
    }

    public boolean isStalled(Instant now, TimeLimits limits) {
        return stalledFrom(limits).filter(from -> !now.isBefore(from)).isPresent();
    }

    /** The stalled game ends as a loss for the player who did not move in time. */
    public Game timeOut(Instant now, TimeLimits limits) {
        if (!isStalled(now, limits)) {
            throw new GameRuleException(
                    status() == GameStatus.IN_PROGRESS ? Rejection.NOT_STALLED : Rejection.NOT_IN_PROGRESS);
        }
        return finished(board, opponentOf(turn), Ending.TIMED_OUT, now);
    }

    private void checkPlaying(String player) {
        if (!isPlayer(player)) {
            throw new GameRuleException(Rejection.NOT_A_PLAYER);
        }
        if (status() != GameStatus.IN_PROGRESS) {
            throw new GameRuleException(Rejection.NOT_IN_PROGRESS);
        }
    }

    public boolean isDraw() {
        return status() == GameStatus.FINISHED && result == null;
    }

    /** The winner's user id, once someone has won. */
    public Optional<String> winner() {
        return status() == GameStatus.FINISHED && result != null ? Optional.of(result) : Optional.empty();
    }

    public Optional<WinningLine> winningLine() {
        return status() == GameStatus.FINISHED ? board.completedLine() : Optional.empty();
    }

    /** How the finished game ended for {@code player}. */
    public Optional<Outcome> outcomeFor(String player) {
        if (status() != GameStatus.FINISHED) {
            return Optional.empty();
        }
        if (isDraw()) {
            return Optional.of(Outcome.DRAW);
        }
        return Optional.of(player.equals(result) ? Outcome.WIN : Outcome.LOSS);
    }

    /**
     * Grows with every state change of a game, so that of two snapshots of the same game the
     * later one can be told without comparing timestamps.
     */
    public int progress() {
        return status().ordinal() * 10 + board.moveCount();
    }

    static boolean sameUser(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
