package com.tictactoe.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One game, immutable: who plays, whose turn it is, its status, the board and, once finished,
 * the result. Every state change returns a new game after checking the rules, so a request the
 * rules refuse never produces a state to store.
 *
 * @param turn   the player to move; {@code null} once the game is finished
 * @param result the winner's user id once a game is won; {@code null} until then, and for a draw
 */
public record Game(
        String gameId,
        String hostId,
        String opponentId,
        String oUser,
        String turn,
        StatusDate statusDate,
        String result,
        Board board)
        implements Serializable {

    public Game {
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(opponentId, "opponentId");
        Objects.requireNonNull(oUser, "oUser");
        Objects.requireNonNull(statusDate, "statusDate");
        Objects.requireNonNull(board, "board");
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

    /** What the lists show of this game: the turn only while it is being played. */
    public GameSummary summary() {
        return new GameSummary(
                gameId, hostId, opponentId, statusDate, status() == GameStatus.IN_PROGRESS ? turn : null, result);
    }

    public GameStatus status() {
        return statusDate.status();
    }

    public boolean isPlayer(String userId) {
        return hostId.equals(userId) || opponentId.equals(userId);
    }

    public String opponentOf(String userId) {
        return hostId.equals(userId) ? opponentId : hostId;
    }

    public Mark markOf(String player) {
        return oUser.equals(player) ? Mark.O : Mark.X;
    }

    /** The invited player takes up the invitation; the host moves first. */
    public Game accept(String userId, Instant now) {
        checkInvitee(userId);
        return new Game(
                gameId, hostId, opponentId, oUser, hostId, new StatusDate(GameStatus.IN_PROGRESS, now), null, board);
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
        if (!opponentId.equals(userId)) {
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
            return finished(next, player, now);
        }
        if (next.isFull()) {
            return finished(next, null, now);
        }
        return new Game(gameId, hostId, opponentId, oUser, opponentOf(player), statusDate, null, next);
    }

    private Game finished(Board finalBoard, String result, Instant now) {
        return new Game(
                gameId, hostId, opponentId, oUser, null, new StatusDate(GameStatus.FINISHED, now), result, finalBoard);
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
