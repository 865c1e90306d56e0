package com.tictactoe.web.live;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.WinningLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A game as a page's script takes it, in JSON: pushed when the game changes, and the answer to a
 * move. {@code game}; its {@code version} ({@link Game#progress()}, as polls see it), so that a page
 * that shows that version already does nothing; an invitation's {@code host} and {@code guest}, so
 * that the guest's lobby shows it (app.js); while the game is being played (from the
 * acceptance on) its {@code board} (the marks by square, as the table stores them) and the
 * {@code next} mark; once it was played to its end, the board, the {@code result} ("O", "X" or
 * "draw") and the winning {@code line}'s squares. The pages show these themselves (app.js);
 * anything else (a resignation, a time-out, a deletion) they re-render.
 */
public final class GameUpdate {

    /** The result of a game played to a full board without a line. */
    public static final String DRAW = "draw";

    private GameUpdate() {}

    public static Map<String, Object> of(Game game) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("game", game.gameId());
        update.put("version", game.progress());
        if (game.status() == GameStatus.PENDING && game.opponentId() != null) {
            update.put("host", game.hostId());
            update.put("guest", game.opponentId());
        } else if (game.status() == GameStatus.IN_PROGRESS) {
            update.put("board", board(game));
            update.put("next", game.markOf(game.turn()).name());
        } else if (game.status() == GameStatus.FINISHED && game.ending() == null) {
            update.put("board", board(game));
            update.put(
                    "result",
                    game.winner().map(winner -> game.markOf(winner).name()).orElse(DRAW));
            update.put(
                    "line",
                    game.winningLine().map(WinningLine::squares).orElse(List.of()).stream()
                            .map(Square::id)
                            .toList());
        }
        return update;
    }

    private static Map<String, String> board(Game game) {
        Map<String, String> board = new LinkedHashMap<>();
        for (Square square : Square.values()) {
            game.board().markAt(square).ifPresent(mark -> board.put(square.id(), mark.name()));
        }
        return board;
    }
}
