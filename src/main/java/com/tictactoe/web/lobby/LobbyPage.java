package com.tictactoe.web.lobby;

import com.tictactoe.application.GameFacade;
import com.tictactoe.application.Records;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.WinLossDraw;
import com.tictactoe.web.Messages;
import com.tictactoe.web.Texts;
import com.tictactoe.web.accounts.CurrentPlayer;
import com.tictactoe.web.game.GamePage;
import com.tictactoe.web.live.LiveUpdates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/**
 * The lobby: invitations, games in progress, recent results and the new-game form. Its view is
 * stateless and this bean lives for one request: every click names the game it is about, and
 * the lists are read afresh from what the server knows (KnownLobbies), so nothing of a lobby is
 * kept in the session between requests, and any server of a cluster can take any click.
 */
@Named("lobby")
@RequestScoped
public class LobbyPage {

    /** A decline or cancel that found the invitation deleted already: a repeated click, usually. */
    @Inject
    private GameFacade games;

    @Inject
    private CurrentPlayer player;

    @Inject
    private LiveUpdates updates;

    @Inject
    private Records records;

    /** How many changes of this player's games the lists include, for pages that poll. */
    private long changesSeen;

    private String opponent;
    private List<LobbyRow> invitations = List.of();
    private boolean moreInvitations;
    private List<LobbyRow> sentInvitations = List.of();
    private boolean moreSent;
    private List<LobbyRow> inProgress = List.of();
    private List<LobbyRow> finished = List.of();
    private boolean loaded;

    /** Loads the lists; also what a push from the server asks for. */
    public void load() {
        String me = player.getName();
        // Counted before reading: a change that lands meanwhile makes the page look again.
        changesSeen = updates.changesOf(me);
        Lobby lobby = games.lobby(me);
        Instant now = Instant.now();
        invitations = rows(lobby.invitations(), me, now);
        moreInvitations = lobby.moreInvitations();
        sentInvitations = rows(lobby.sentInvitations(), me, now);
        moreSent = lobby.moreSent();
        inProgress = rows(lobby.inProgress(), me, now);
        finished = rows(lobby.finished(), me, now);
        loaded = true;
    }

    /** The lists as they are now, if no action of this request has read them yet. */
    private void ensureLoaded() {
        if (!loaded) {
            load();
        }
    }

    private static List<LobbyRow> rows(List<GameSummary> games, String me, Instant now) {
        Texts texts = Texts.current();
        return games.stream().map(game -> LobbyRow.of(game, me, now, texts)).toList();
    }

    public String invite() {
        try {
            Game game = games.create(player.getName(), opponent);
            return GamePage.openGame(game.gameId());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            load();
            return null;
        }
    }

    /** A challenge to anyone: its page, with the link to share. */
    public String challenge() {
        try {
            ChallengePage.open(games.createChallenge(player.getName()).gameId());
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            load();
        }
        return null;
    }

    /** The full link of one of the player's challenges, to copy from the list of invitations sent. */
    public String challengeLink(String gameId) {
        return ChallengePage.link(gameId);
    }

    /** Accept, in the row of {@code gameId}: the game's page once it has started. */
    public String accept(String gameId) {
        try {
            games.accept(gameId, player.getName());
            return GamePage.openGame(gameId);
        } catch (GameRuleException refused) {
            Messages.refused(refused);
            load();
            return null;
        }
    }

    public void decline(String gameId) {
        try {
            Messages.info(games.decline(gameId, player.getName()) ? "lobby.declined" : "lobby.alreadyGone");
        } catch (GameRuleException refused) {
            Messages.refused(refused);
        }
        load();
    }

    public void cancel(String gameId) {
        try {
            Messages.info(games.cancel(gameId, player.getName()) ? "lobby.cancelled" : "lobby.alreadyGone");
        } catch (GameRuleException refused) {
            Messages.refused(refused);
        }
        load();
    }

    public String getOpponent() {
        return opponent;
    }

    public void setOpponent(String opponent) {
        this.opponent = opponent;
    }

    public List<LobbyRow> getInvitations() {
        ensureLoaded();
        return invitations;
    }

    /** How many invitations wait, as the heading shows it: "20+" if more are open than listed. */
    public String getInvitationCount() {
        ensureLoaded();
        return invitations.size() + (moreInvitations ? "+" : "");
    }

    /** The most rows a list shows: a lobby whose invitations fill it re-renders for the next one. */
    public int getListLimit() {
        return GameRepository.LIST_LIMIT;
    }

    public boolean isMoreInvitations() {
        ensureLoaded();
        return moreInvitations;
    }

    public String getSentCount() {
        ensureLoaded();
        return sentInvitations.size() + (moreSent ? "+" : "");
    }

    public boolean isMoreSent() {
        ensureLoaded();
        return moreSent;
    }

    public List<LobbyRow> getSentInvitations() {
        ensureLoaded();
        return sentInvitations;
    }

    public List<LobbyRow> getInProgress() {
        ensureLoaded();
        return inProgress;
    }

    public List<LobbyRow> getFinished() {
        ensureLoaded();
        return finished;
    }

    /** The player's wins, losses and draws (kept by Records, forgotten when a game of theirs ends). */
    public WinLossDraw getRecord() {
        return records.totalsOf(player.getName());
    }

    public long getChangesSeen() {
        ensureLoaded();
        return changesSeen;
    }

    public long getYourTurnCount() {
        ensureLoaded();
        return inProgress.stream().filter(LobbyRow::yourTurn).count();
    }
}
