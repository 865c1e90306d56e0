package com.tictactoe.web.lobby;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.web.Messages;
import com.tictactoe.web.Texts;
import com.tictactoe.web.WebSettings;
import com.tictactoe.web.accounts.CurrentPlayer;
import com.tictactoe.web.accounts.SignInFilter;
import com.tictactoe.web.game.GamePage;
import com.tictactoe.web.live.GameWatchers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * A challenge by link ({@code challenge.xhtml?game=ID}; the id, a random UUID, is the link's
 * secret). Anyone with the link sees who challenges and since when: a visitor without an account,
 * with links to sign in or up that come back here, and without any state kept for them (a stateless
 * view, no session: see SignInFilter); a signed-in player, with Accept; the host, with the link to
 * copy and Cancel. A link that expired is answered 410, one that names no challenge 404; one that
 * someone took up says who, and takes its players to the game. The bean lives for one request, as
 * the lobby's: every post names the challenge it is about.
 */
@Named("challenge")
@RequestScoped
public class ChallengePage {

    private static final WebSettings SETTINGS = WebSettings.fromEnvironment();

    @Inject
    private GameFacade games;

    @Inject
    private CurrentPlayer player;

    @Inject
    private GameWatchers watchers;

    private String gameId;
    private Game game;
    /** The host cancelled it from this page, just now. */
    private boolean cancelled;
    /** The id names no challenge: unknown, cancelled (maybe while this page was open), or no challenge. */
    private boolean gone;

    /** The address of a challenge's page, from the site's root. */
    public static String address(String gameId) {
        return SignInFilter.CHALLENGE_PAGE + "?game=" + gameId;
    }

    /** Reads the challenge named in the address, or answers 404, 410, or the game's page for its players. */
    public void load() throws IOException {
        if (!read(gameId)) {
            return;
        }
        if (isTaken() && game.isPlayer(me())) {
            GamePage.openGame(game.gameId());
            return;
        }
        if (isExpired()) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_GONE);
        }
        if (isOpen() && isSignedIn() && !isHost()) {
            // Told when someone else takes it up, as a game's watchers are of a move.
            watchers.watching(game.gameId(), me());
        }
    }

    /**
     * The challenge as it is now, if {@code id} names one: a pending game without an opponent, or a
     * game that started as one (which cannot be told from a started invitation, and need not be: both
     * are games anyone signed in may watch). Else the page answers 404 and says there is no such
     * challenge, and this is false.
     */
    private boolean read(String id) {
        if (find(id)) {
            return true;
        }
        gone = true;
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        return false;
    }

    private boolean find(String id) {
        gameId = id;
        game = games.game(id)
                .filter(known -> known.isChallenge() || known.status() != GameStatus.PENDING)
                .orElse(null);
        return game != null;
    }

    /**
     * The signed-in player takes up the challenge and goes to the game; refused, the page says why
     * (or answers 404 when the id names no challenge).
     */
    public String accept(String id) throws IOException {
        if (!isSignedIn()) {
            return null; // PostbackGuard sends a post without a session back already
        }
        try {
            return GamePage.openGame(games.acceptChallenge(id, me()).gameId());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            read(id);
            return null;
        }
    }

    /** The host withdraws the challenge: the link leads nowhere from now on. */
    public void cancel(String id) throws IOException {
        if (!isSignedIn()) {
            return;
        }
        try {
            games.cancel(id, me()); // gone already (a second click) is what was asked for too
            cancelled = true;
            gameId = id;
            Messages.info("challenge.cancelled");
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            read(id);
        }
    }

    /**
     * What a push makes an open page do: read the challenge again; its players go to the game. One
     * that was cancelled meanwhile says so in place.
     */
    public void refresh(String id) {
        if (!find(id)) {
            gone = true;
        } else if (isTaken() && game.isPlayer(me())) {
            GamePage.openGame(game.gameId());
        }
    }

    /** Sends the browser to the challenge's page (from the lobby, once it is made). */
    static void open(String gameId) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + address(gameId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    private String me() {
        return player.getName();
    }

    public boolean isSignedIn() {
        return player.isSignedIn();
    }

    /** The page has a challenge to show (none once the host cancelled it here). */
    public boolean isShown() {
        return game != null && !cancelled;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isGone() {
        return gone;
    }

    public boolean isHost() {
        return isShown() && game.hostId().equals(me());
    }

    /** Open to be taken up: pending, no opponent, not expired. */
    public boolean isOpen() {
        return isShown() && game.isChallenge() && !isExpired();
    }

    public boolean isExpired() {
        return isShown()
                && game.isChallenge()
                && games.lifetimes().challenges().isExpired(game.statusDate(), Instant.now());
    }

    /** Someone took it up: the game is being played or over. */
    public boolean isTaken() {
        return isShown() && !game.isChallenge();
    }

    /** A signed-in player other than the host, who may accept. */
    public boolean isMayAccept() {
        return isOpen() && isSignedIn() && !isHost();
    }

    public String getGameId() {
        return gameId;
    }

    public void setGameId(String gameId) {
        this.gameId = gameId;
    }

    public String getHostName() {
        return game.hostId();
    }

    public String getTitle() {
        Texts texts = Texts.current();
        if (!isShown()) {
            return texts.get("challenge.title");
        }
        return isHost() ? texts.get("challenge.yours") : texts.get("challenge.pageTitle", game.hostId());
    }

    /** Since when: "Sent 5 minutes ago.", as the lobby tells the age of an invitation. */
    public String getSince() {
        Texts texts = Texts.current();
        return texts.get("challenge.since", Dates.ago(game.statusDate().date(), Instant.now(), texts));
    }

    public String getUntil() {
        return Texts.current().get("challenge.until", Date.from(deadline()));
    }

    public String getExpiredText() {
        return Texts.current().get("challenge.expired", Date.from(deadline()));
    }

    private Instant deadline() {
        return games.lifetimes().challenges().deadlineOf(game.statusDate().date());
    }

    public String getTakenText() {
        return Texts.current().get("challenge.taken", game.hostId(), game.opponentId());
    }

    /** The link to share, in full: from the site's public address if one is set, else as requested. */
    public String getLink() {
        return link(gameId);
    }

    static String link(String gameId) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String origin = SETTINGS.publicOrigin()
                .orElseGet(() -> WebSettings.originOf(
                        request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()));
        return origin + external.getRequestContextPath() + address(gameId);
    }

    /** Where a visitor signs in, or up, to come back here. */
    public String getSignInAddress() {
        return accountPage(SignInFilter.SIGN_IN_PAGE);
    }

    public String getSignUpAddress() {
        return accountPage(SignInFilter.SIGN_UP_PAGE);
    }

    private String accountPage(String page) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + page + "?to="
                + URLEncoder.encode(address(gameId), StandardCharsets.UTF_8);
    }
}
