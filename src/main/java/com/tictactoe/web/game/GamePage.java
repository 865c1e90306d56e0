package com.tictactoe.web.game;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Mark;
import com.tictactoe.domain.Outcome;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.WinningLine;
import com.tictactoe.web.Messages;
import com.tictactoe.web.Texts;
import com.tictactoe.web.accounts.CurrentPlayer;
import com.tictactoe.web.accounts.SignInFilter;
import com.tictactoe.web.api.ApiAnswer;
import com.tictactoe.web.live.GameUpdate;
import com.tictactoe.web.live.GameWatchers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One game: the board, whose turn it is, and the result once it is over. Like the lobby's, its
 * view is stateless and this bean lives for one request: a click names its game in the form's
 * {@code gameId} field and is decided on the game as it is stored now, so nothing of an open game
 * page is kept in the session, and any server of a cluster can take any click.
 */
@Named("gamePage")
@RequestScoped
public class GamePage {

    @Inject
    private GameFacade games;

    @Inject
    private GameWatchers watchers;

    @Inject
    private CurrentPlayer player;

    /** The field of the page's form that names its game, for the clicks sent from it. */
    static final String GAME_FIELD = "gameId";
    /** The parameter that names the game in the page's address. */
    static final String ADDRESS_PARAMETER = "id";

    private String gameId;
    private Game game;
    /** The game was deleted while the page was open: the invitation was declined or cancelled. */
    private boolean gone;
    /** The player clicked Resign, and this answer asks to confirm. */
    private boolean resigning;
    /** The rematch offered as this page is rendered: "" for none; looked up once per rendering. */
    private String rematch;

    /**
     * A click from the page: the game its form names, as stored now. One that is no longer there
     * (declined or cancelled while the page was open) shows as gone, and so does a forged name;
     * the actions then do nothing.
     */
    @PostConstruct
    void readGameOfClick() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || !faces.isPostback()) {
            return;
        }
        gameId = faces.getExternalContext().getRequestParameterMap().get(GAME_FIELD);
        if (!GameIds.isPlausible(gameId)) {
            gameId = null;
            gone = true;
            return;
        }
        games.game(gameId).ifPresentOrElse(current -> game = current, () -> gone = true);
    }

    /** The address of a game's page. */
    public static String address(String contextPath, String gameId) {
        return contextPath + "/game.xhtml?" + ADDRESS_PARAMETER + "=" + gameId;
    }

    /**
     * What a script's click that leads to a game's page is answered (an invitation, an
     * acceptance): the game and its page's address, which the script opens.
     */
    public static ApiAnswer opened(HttpServletRequest request, String gameId) {
        return ApiAnswer.ok(Map.of("game", gameId, "page", address(request.getContextPath(), gameId)));
    }

    /**
     * Sends the browser to the game page, and returns the outcome for the action: none. The
     * redirect is sent directly rather than by navigation, so that the page's address names the
     * game: it is what a reload, a bookmark or a second tab opens.
     */
    public static String openGame(String gameId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(address(external.getRequestContextPath(), gameId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return null;
    }

    /**
     * Loads the game named in the address; an unknown game is a 404. The name is read here rather
     * than by a view parameter: the page is stateless, so a view parameter would be converted and
     * validated (its type looked up through EL and CDI) on every request, for a plain string that
     * the facade checks anyway.
     */
    public void load() throws IOException {
        gameId = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(ADDRESS_PARAMETER);
        Optional<Game> found = games.game(gameId);
        if (found.isEmpty()) {
            GameNotFound.answer();
            return;
        }
        if (found.get().isChallenge()) {
            // No opponent yet: its own page shows the link, or lets this player accept.
            FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .redirect(FacesContext.getCurrentInstance()
                                    .getExternalContext()
                                    .getRequestContextPath()
                            + SignInFilter.CHALLENGE_PAGE + "?game=" + gameId);
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        game = found.get();
        watchers.watching(game.gameId(), player.getName());
    }

    /** Shows the game as it is now: after a push, a poll, or a refused move. */
    public void refresh() {
        rematch = null;
        String id = game != null ? game.gameId() : gameId;
        if (id != null) {
            games.game(id).ifPresentOrElse(current -> game = current, () -> gone = true);
        }
    }

    /** A click on a square, named as the board's buttons name it. */
    public void play(String square) {
        if (gone) {
            return;
        }
        try {
            game = games.move(game.gameId(), player.getName(), square);
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            refresh();
        }
    }

    public String accept() {
        if (gone) {
            return null;
        }
        try {
            game = games.accept(game.gameId(), player.getName());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            refresh();
        }
        return null;
    }

    public String decline() {
        return leave(true);
    }

    public String cancel() {
        return leave(false);
    }

    private String leave(boolean decline) {
        if (gone) {
            return "/index.xhtml?faces-redirect=true";
        }
        try {
            // Gone already (a repeated click) is what was asked for too: back to the lobby either way.
            if (decline) {
                games.decline(game.gameId(), player.getName());
            } else {
                games.cancel(game.gameId(), player.getName());
            }
            return "/index.xhtml?faces-redirect=true";
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            refresh();
            return null;
        }
    }

    /**
     * The first click on Resign: the page asks to confirm. The page is rendered again, and it may
     * show moves it was pushed since this view last read the game: read it again first.
     */
    public void askToResign() {
        refresh();
        resigning = true;
    }

    public void keepPlaying() {
        refresh();
        resigning = false;
    }

    public void resign() {
        resigning = false;
        if (gone) {
            return;
        }
        try {
            game = games.resign(game.gameId(), player.getName());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            refresh();
        }
    }

    public void claim() {
        if (gone) {
            return;
        }
        try {
            game = games.claim(game.gameId(), player.getName());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            refresh();
        }
    }

    /** A player of a game being played: they may resign. */
    public boolean isPlaying() {
        return !gone && isPlayer() && game.status() == GameStatus.IN_PROGRESS;
    }

    /** The players' actions during a game: shown while it is played, held hidden while it waits for its guest. */
    public boolean isPlayingActionsHeld() {
        return isUnderway() && isPlayer();
    }

    public boolean isResigning() {
        return resigning && isPlaying();
    }

    /** The player waiting has waited long enough: the win may be claimed. */
    public boolean isClaimable() {
        return isPlaying()
                && game.claimRejection(me(), Instant.now(), games.timeLimits()).isEmpty();
    }

    /** How long the player to move has had the turn, for the players; empty otherwise. */
    public String getTurnClock() {
        if (!isPlaying()) {
            return "";
        }
        return TurnClock.line(game, me(), games.timeLimits(), Instant.now(), Texts.current())
                .orElse("");
    }

    /**
     * Invites the same opponent to a new game; if the opponent has offered one already (both
     * clicked Play again), that one is accepted instead of crossing it with a second invitation.
     */
    public String playAgain() {
        Optional<GameSummary> offered = rematchOffer();
        if (offered.isPresent()) {
            return acceptRematch(offered.get().gameId());
        }
        try {
            return openGame(games.create(player.getName(), game.opponentOf(player.getName()))
                    .gameId());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            return null;
        }
    }

    /** One click on the opponent's rematch offer: the new game starts and the page goes there. */
    public String acceptRematch(String rematchId) {
        try {
            return openGame(games.accept(rematchId, player.getName()).gameId());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            refresh();
            return null;
        }
    }

    public void declineRematch(String rematchId) {
        try {
            games.decline(rematchId, player.getName());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
        }
        refresh();
    }

    /**
     * The opponent's open invitation to a new game, offered on this finished game's page: the
     * newest one from the opponent to this player, sent since the game ended, in their lobby (known
     * to this server, or read).
     */
    public Optional<GameSummary> rematchOffer() {
        if (gone || !isFinished() || !isPlayer()) {
            return Optional.empty();
        }
        String opponent = getOpponent();
        return games.lobby(me()).invitations().stream()
                .filter(invitation -> invitation.hostId().equals(opponent))
                // made since this game ended: an older invitation is no answer to this game
                .filter(invitation -> !invitation
                        .statusDate()
                        .date()
                        .isBefore(game.statusDate().date()))
                .findFirst();
    }

    /** The id of the rematch the opponent offers, or null. */
    public String getRematch() {
        if (rematch == null) {
            rematch = rematchOffer().map(GameSummary::gameId).orElse("");
        }
        return rematch.isEmpty() ? null : rematch;
    }

    public List<Cell> getCells() {
        List<Square> winning = game.winningLine().map(WinningLine::squares).orElse(List.of());
        boolean playable = isYourTurn();
        List<Cell> cells = new ArrayList<>(9);
        for (Square square : Square.values()) {
            String mark = game.board().markAt(square).map(Enum::name).orElse("");
            cells.add(new Cell(square, mark, playable && mark.isEmpty(), winning.contains(square)));
        }
        return cells;
    }

    private String me() {
        return player.getName();
    }

    public boolean isPlayer() {
        return game != null && game.isPlayer(me());
    }

    public boolean isYourTurn() {
        return game != null && game.status() == GameStatus.IN_PROGRESS && me().equals(game.turn());
    }

    public boolean isPending() {
        return !gone && game != null && game.status() == GameStatus.PENDING;
    }

    public boolean isGone() {
        return gone;
    }

    public boolean isFinished() {
        return game != null && game.status() == GameStatus.FINISHED;
    }

    public boolean isInvitee() {
        return isPending() && me().equals(game.opponentId());
    }

    public boolean isHost() {
        return game != null && me().equals(game.hostId());
    }

    public String getOpponent() {
        return game.opponentOf(me());
    }

    public String getYourMark() {
        return game.markOf(me()).name();
    }

    public String getTitle() {
        Texts texts = Texts.current();
        if (game == null) {
            return texts.get("game.title");
        }
        return isPlayer()
                ? texts.get("game.youVersus", getOpponent())
                : texts.get("game.versus", game.hostId(), game.opponentId());
    }

    /** The page's title: the game and who plays it (the page's script adds whose turn it is). */
    public String getPageTitle() {
        if (gone || game == null) {
            return Texts.current().get("game.title");
        }
        Texts texts = Texts.current();
        return isPlayer()
                ? texts.get("game.pageTitle", getOpponent())
                : texts.get("game.pageTitleWatched", game.hostId(), game.opponentId());
    }

    /** The one line that says where the game stands. */
    public String getStatusText() {
        Texts texts = Texts.current();
        if (gone) {
            return texts.get("game.gone");
        }
        return switch (game.status()) {
            case PENDING ->
                isInvitee()
                        ? texts.get("game.invitesYou", game.hostId())
                        : isHost()
                                ? texts.get("game.waitingToAccept", game.opponentId())
                                : texts.get("game.waitingToAcceptFrom", game.opponentId(), game.hostId());
            case IN_PROGRESS -> statusWhenTurnOf(game.turn());
            case FINISHED -> texts.get("game.over");
        };
    }

    private String statusWhenTurnOf(String player) {
        Texts texts = Texts.current();
        return me().equals(player)
                ? texts.get("game.yourTurn")
                : isPlayer()
                        ? texts.get("game.waitingFor", player)
                        : texts.get("game.toMove", player, game.markOf(player).name());
    }

    /**
     * The status line once {@code mark} ("O" or "X") is to move, so that the page can show a move,
     * or the acceptance that starts the game, without asking the server again (app.js); null unless
     * the game is waiting for its guest or being played.
     */
    public String statusWhenToMove(String mark) {
        if (!isUnderway()) {
            return null;
        }
        return statusWhenTurnOf(game.playerOf(Mark.valueOf(mark)));
    }

    /**
     * What the result says once the game is played to its end with {@code result} ("O", "X" or
     * {@link GameUpdate#DRAW}), as this page's reader sees it, so that the page can show the end
     * it is pushed itself (app.js); null unless the game is waiting for its guest or being played.
     */
    public String resultWhen(String result) {
        if (!isUnderway()) {
            return null;
        }
        Texts texts = Texts.current();
        if (GameUpdate.DRAW.equals(result)) {
            return texts.get("game.draw");
        }
        String winner = game.playerOf(Mark.valueOf(result));
        if (!isPlayer()) {
            return texts.get("game.won", winner);
        }
        return me().equals(winner) ? texts.get("game.youWon") : texts.get("game.youLost");
    }

    /** Waiting for its guest or being played: what a push may turn into the next state on the page. */
    public boolean isUnderway() {
        return !gone
                && game != null
                && (game.status() == GameStatus.PENDING || game.status() == GameStatus.IN_PROGRESS);
    }

    /** The result's part of the page: shown once finished, and held hidden before, for app.js to show. */
    public boolean isResultHeld() {
        return isFinished() || isUnderway();
    }

    /**
     * Where the page's script sends a click on a square ({@code MovesEndpoint}), followed by
     * the square's name: on a player's page while the game is waiting for its guest (for the
     * moves after the acceptance it is pushed) or being played; null otherwise.
     */
    public String getMovesAddress() {
        if (!isUnderway() || !isPlayer()) {
            return null;
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/games/"
                + game.gameId() + "/moves";
    }

    /** The mark this player plays, for the page's script; null for a watcher. */
    public String getPlayerMark() {
        return isPlayer() ? getYourMark() : null;
    }

    public String getResultText() {
        if (!isFinished()) {
            return "";
        }
        Texts texts = Texts.current();
        if (!isPlayer()) {
            return game.winner().map(winner -> texts.get("game.won", winner)).orElse(texts.get("game.draw"));
        }
        Outcome outcome = game.outcomeFor(me()).orElseThrow();
        return switch (outcome) {
            case WIN -> texts.get("game.youWon");
            case LOSS -> texts.get("game.youLost");
            case DRAW -> texts.get("game.draw");
        };
    }

    /** How the game ended when it was not played out, told of its loser; empty otherwise. */
    public String getEndingText() {
        if (!isFinished() || game.ending() == null) {
            return "";
        }
        Texts texts = Texts.current();
        String loser = game.opponentOf(game.result());
        String key = game.ending().key();
        return me().equals(loser) ? texts.get(key + ".you") : texts.get(key + ".other", loser);
    }

    public String getResultClass() {
        if (!isFinished() || !isPlayer()) {
            return "result";
        }
        return "result result-" + game.outcomeFor(me()).orElseThrow().name().toLowerCase();
    }

    /** A version number of what the page shows, for pages that poll instead of being pushed. */
    public int getVersion() {
        return game.progress();
    }

    public String getGameId() {
        return gameId;
    }
}
