package com.tictactoe.web.game;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Board;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Replay;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.WinningLine;
import com.tictactoe.web.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished game move by move, one position per address ({@code replay.xhtml?game=ID&move=3}):
 * links step through it, and the page's script follows them for the arrow keys. Its view is
 * stateless and the bean lives for one request, as the lobby's: nothing is kept between steps.
 * Whoever may watch the game may replay it. A game the original app moved in has no recorded
 * order; its final board is shown and the page says why.
 */
@Named("replay")
@RequestScoped
public class ReplayPage {

    @Inject
    private GameFacade games;

    private String gameId;
    private String move;
    private Game game;
    private Replay replay;
    private int position;

    /** Loads the game named in the address; an unknown game is a 404, as on the game page. */
    public void load() throws IOException {
        Optional<Game> found = games.gameToReplay(gameId);
        if (found.isEmpty()) {
            GameNotFound.answer();
            return;
        }
        game = found.get();
        replay = Replay.of(game).orElse(null);
        position = replay == null ? 0 : replay.clamp(requestedMove(replay.length()));
    }

    /** The position asked for; the end of the game when none is asked for or it is no number. */
    private int requestedMove(int last) {
        if (move == null || move.isEmpty() || move.length() > 3) {
            return last;
        }
        try {
            return Integer.parseInt(move);
        } catch (NumberFormatException notANumber) {
            return last;
        }
    }

    /** Whether the game was read: on a GET of the page, not on the postback of the sign-out form. */
    public boolean isLoaded() {
        return game != null;
    }

    public boolean isFinished() {
        return game.status() == GameStatus.FINISHED;
    }

    /** A finished game that can be stepped through. */
    public boolean isReplayable() {
        return replay != null;
    }

    /** A finished game whose order of play is not known: its final board, and why only that. */
    public boolean isFinalBoardOnly() {
        return isFinished() && replay == null;
    }

    public List<Cell> getCells() {
        Board board = replay == null ? game.board() : replay.boardAt(position);
        boolean atTheEnd = replay == null || position == replay.length();
        List<Square> winning =
                atTheEnd ? game.winningLine().map(WinningLine::squares).orElse(List.of()) : List.of();
        List<Cell> cells = new ArrayList<>(9);
        for (Square square : Square.values()) {
            String mark = board.markAt(square).map(Enum::name).orElse("");
            cells.add(new Cell(square, mark, false, winning.contains(square)));
        }
        return cells;
    }

    /** The square of the move that led to this position, to highlight it; null before the first. */
    public String getLastSquare() {
        return replay == null ? null : replay.moveTo(position).map(Square::id).orElse(null);
    }

    public String getTitle() {
        return Texts.current().get("game.replayTitle", game.hostId(), game.opponentId());
    }

    public String getPageTitle() {
        if (game == null) {
            return Texts.current().get("game.replay");
        }
        return Texts.current().get("game.replayPageTitle", game.hostId(), game.opponentId());
    }

    /** Where the replay stands: before the first move, or which move and where it was played. */
    public String getPositionText() {
        Texts texts = Texts.current();
        Optional<Square> played = replay.moveTo(position);
        if (played.isEmpty()) {
            return texts.get("game.replayStart", replay.length());
        }
        return texts.get(
                "game.replayMove",
                position,
                replay.length(),
                game.board().markAt(played.get()).orElseThrow().name(),
                texts.get("square." + played.get().id()));
    }

    public String getResultText() {
        Texts texts = Texts.current();
        return game.winner().map(winner -> texts.get("game.won", winner)).orElse(texts.get("game.draw"));
    }

    public int getPosition() {
        return position;
    }

    public int getLength() {
        return replay == null ? 0 : replay.length();
    }

    public boolean isAtStart() {
        return position == 0;
    }

    public boolean isAtEnd() {
        return position == getLength();
    }

    /** The address of a position of this game's replay. */
    public String address(int to) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/replay.xhtml?game="
                + game.gameId() + "&move=" + to;
    }

    public String getGameId() {
        return gameId;
    }

    public void setGameId(String gameId) {
        this.gameId = gameId;
    }

    public String getMove() {
        return move;
    }

    public void setMove(String move) {
        this.move = move;
    }
}
