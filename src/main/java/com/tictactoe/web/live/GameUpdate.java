package com.tictactoe.web.live;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Square;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A game as a page's script takes it, in JSON: pushed when the game changes, and the answer to a
 * move. {@code game}; its {@code version} ({@link Game#progress()}, as polls see it), so that a page
 * that shows that version already does nothing; and while the game is being played its {@code
 * board} (the marks by square, as the table stores them) and the {@code next} mark, so that the
 * page shows the move itself (app.js). Anything else (a start, an end) the page re-renders.
 */
public final class GameUpdate {

    private GameUpdate() {}

    public static Map<String, Object> of(Game game) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("game", game.gameId());
        update.put("version", game.progress());
        if (game.status() == GameStatus.IN_PROGRESS) {
            Map<String, String> board = new LinkedHashMap<>();
            for (Square square : Square.values()) {
                game.board().markAt(square).ifPresent(mark -> board.put(square.id(), mark.name()));
            }
            update.put("board", board);
            update.put("next", game.markOf(game.turn()).name());
        }
        return update;
    }
}
