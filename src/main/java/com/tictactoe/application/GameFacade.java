package com.tictactoe.application;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.InvitationLimits;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.PendingLifetimes;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.domain.TimeLimits;
import com.tictactoe.domain.UserIds;
import com.tictactoe.domain.WriteConflictException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The use cases of the game: invite, challenge anyone by link, accept, decline, cancel, move,
 * resign, claim the win, end a stalled game, and the lists of a player.
 * Refusals are {@link GameRuleException}s naming the {@link Rejection}; when one is thrown nothing
 * has been written. An unreachable store is a {@code StoreUnavailableException}.
 */
@Stateless
// DynamoDB takes no part in JTA transactions; each write is atomic on its own.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GameFacade {

    private static final Logger LOG = Logger.getLogger(GameFacade.class.getName());

    /** How old a remembered game may be when shown; writes made here are known at once anyway. */
    static final long VIEW_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Inject
    private GameRepository games;

    @Inject
    private KnownGames known;

    @Inject
    private KnownPlayers players;

    @Inject
    private KnownLobbies lobbies;

    @Inject
    private Event<GameChanged> changes;

    @Inject
    private GameMetrics metrics;

    @Inject
    private UncertainMoves uncertain;

    @Inject
    private TimeLimits limits;

    /** The same settings as the DAO's, which lists and counts only invitations and challenges open by them. */
    private final PendingLifetimes lifetimes = InvitationSettings.lifetimes();

    /** How recent an open challenge of the host's is taken for a repeat of the same request. */
    static final Duration CHALLENGE_REPEAT = Duration.ofSeconds(10);

    /**
     * The host invites a registered player, named as typed (any case, spaces around ignored): every
     * way into a game, a page, "play again" or an API, comes through here and gets the same checks.
     * The new invitation is within the limits of {@link InvitationLimits}: at most
     * {@value InvitationLimits#PER_INVITER} open ones sent by the host and
     * {@value InvitationLimits#PER_INVITEE} waiting for the opponent. If the host has an open
     * invitation to this opponent already, that one is the answer and nothing is written: a second
     * would only take another of the opponent's places, and the usual cause is a double click on
     * Invite or Play again, which should land on the game it meant to create.
     *
     * <p>The limits cost two index queries before the write (the host's open invitations, which
     * also shows one to the same opponent, and a count of the opponent's), and they are not checked
     * atomically with it. Two invitations made at the same moment can both pass and overrun a limit
     * by one or two; the indexes are eventually consistent, so an invitation made a split second
     * before may not be counted yet, and a double click that fast can make two games. That is
     * accepted for a rule against flooding: no locks. Lobbies say when more are open than shown.
     */
    public Game create(String hostId, String opponentName) {
        String typed = opponentName == null ? "" : opponentName.trim();
        if (typed.isEmpty()) {
            throw new GameRuleException(Rejection.OPPONENT_REQUIRED);
        }
        String opponent = (UserIds.isValid(typed) ? players.username(typed) : Optional.<String>empty())
                .orElseThrow(() -> new GameRuleException(Rejection.NO_SUCH_PLAYER, abbreviated(typed)));
        Game game = Game.invite(GameIds.next(), hostId, opponent, Instant.now()); // refuses oneself
        List<GameSummary> sent = games.invitationsBy(hostId, InvitationLimits.PER_INVITER);
        Optional<Game> open = openInvitation(sent, opponent);
        if (open.isPresent()) {
            return open.get();
        }
        if (sent.size() >= InvitationLimits.PER_INVITER) {
            // The lists just read may hold invitations this server never heard of: show them.
            lobbies.forget(hostId);
            throw new GameRuleException(Rejection.TOO_MANY_SENT);
        }
        if (games.countInvitationsFor(opponent, InvitationLimits.PER_INVITEE) >= InvitationLimits.PER_INVITEE) {
            lobbies.forget(opponent);
            throw new GameRuleException(Rejection.TOO_MANY_RECEIVED);
        }
        try {
            games.create(game);
        } catch (WriteConflictException conflict) {
            // A fresh UUID can only meet the item an earlier attempt of this same put stored.
            if (!conflict.afterRetry()) {
                throw conflict;
            }
        }
        changed(game, false);
        return game;
    }

    private static String abbreviated(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "\u2026";
    }

    /** The host's open invitation to {@code opponent}, read from the table, if one is among {@code sent}. */
    private Optional<Game> openInvitation(List<GameSummary> sent, String opponent) {
        Instant now = Instant.now();
        for (GameSummary summary : sent) {
            if (opponent.equals(summary.opponentId())) {
                Optional<Game> game = games.find(summary.gameId())
                        .filter(found -> found.status() == GameStatus.PENDING
                                && !lifetimes.invitations().isExpired(found.statusDate(), now));
                if (game.isPresent()) {
                    known.remember(game.get());
                    return game;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the game, if the invitation has not expired (the write's condition checks it, so an
     * invitation that expires while the request is on its way is refused too). An accept whose write finds the game already started, with this player as
     * the opponent, is answered as the success it is: the player's earlier request started it (a
     * double click, a second tab, or a retry of this very write after a lost answer), and the
     * player is where they wanted to be.
     */
    public Game accept(String gameId, String userId) {
        checkId(gameId);
        Instant now = Instant.now();
        try {
            Game started = games.accept(gameId, userId, now);
            changed(started, false);
            return started;
        } catch (WriteConflictException conflict) {
            Optional<Game> started = conflict.current()
                    .filter(game -> game.status() == GameStatus.IN_PROGRESS
                            && game.opponentId().equals(userId));
            if (started.isPresent()) {
                if (conflict.afterRetry()) {
                    // Possibly this write that landed: no one has been told yet.
                    return alreadyDone(started.get());
                }
                // An earlier request started it and told everyone.
                known.remember(started.get());
                return started.get();
            }
            throw explain(conflict, game -> acceptRefused(game, userId, now));
        }
    }

    /**
     * Why the accept's condition refused {@code game}, the state it was refused on. When the rules
     * pass, what is left of the condition is the deadline stored with the invitation, which time to
     * live reads: it comes before the rule's only if the lifetime was made longer since the
     * invitation was sent. Either way the invitation is expired.
     */
    private void acceptRefused(Game game, String userId, Instant now) {
        game.accept(userId, now);
        lifetimes.invitations().checkOpen(game, now);
        throw new GameRuleException(Rejection.INVITATION_EXPIRED);
    }

    /**
     * The host creates a challenge: a game anyone with its link may accept (its id is the link's
     * secret, a random UUID). It counts among the host's {@value InvitationLimits#PER_INVITER}
     * open invitations. A challenge the host created within {@link #CHALLENGE_REPEAT} and nobody
     * took yet is the answer instead of a new one: the usual cause is a double click, which should
     * land on the link it meant to make (as fast as the index catches up; see {@link #create}).
     */
    public Game createChallenge(String hostId) {
        Instant now = Instant.now();
        List<GameSummary> sent = games.invitationsBy(hostId, InvitationLimits.PER_INVITER);
        Optional<Game> repeated = recentChallenge(sent, hostId, now);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        if (sent.size() >= InvitationLimits.PER_INVITER) {
            lobbies.forget(hostId);
            throw new GameRuleException(Rejection.TOO_MANY_SENT);
        }
        Game challenge = Game.challenge(GameIds.next(), hostId, now);
        try {
            games.create(challenge);
        } catch (WriteConflictException conflict) {
            if (!conflict.afterRetry()) {
                throw conflict;
            }
        }
        changed(challenge, false);
        return challenge;
    }

    /** The host's newest open challenge made within {@link #CHALLENGE_REPEAT}, read or heard of here. */
    private Optional<Game> recentChallenge(List<GameSummary> sent, String hostId, Instant now) {
        Instant since = now.minus(CHALLENGE_REPEAT);
        return Stream.concat(sent.stream(), lobbies.of(hostId, games::lobbyOf).sentInvitations().stream())
                .filter(summary ->
                        summary.isChallenge() && !summary.statusDate().date().isBefore(since))
                .sorted(Lobby.NEWEST_FIRST)
                .map(summary -> known.latest(summary.gameId())
                        .orElseGet(() -> games.find(summary.gameId()).orElse(null)))
                .filter(game -> game != null && game.isChallenge())
                .findFirst();
    }

    /**
     * {@code userId} takes up the challenge and becomes its opponent, with one conditional write: of
     * several players accepting at once the first one's write lands and the others are refused
     * ({@link Rejection#CHALLENGE_TAKEN}), as are the host ({@link Rejection#OWN_CHALLENGE}) and an
     * expired challenge ({@link Rejection#CHALLENGE_EXPIRED}, checked by the write's condition too).
     * A write that finds the game started with this player as its opponent is the success it is: a
     * double click, a second tab, or a retry after a lost answer.
     */
    public Game acceptChallenge(String gameId, String userId) {
        checkId(gameId);
        Instant now = Instant.now();
        try {
            Game started = games.acceptChallenge(gameId, userId, now);
            changed(started, false);
            return started;
        } catch (WriteConflictException conflict) {
            Optional<Game> mine = conflict.current()
                    .filter(game -> game.status() == GameStatus.IN_PROGRESS && userId.equals(game.opponentId()));
            if (mine.isPresent()) {
                if (conflict.afterRetry()) {
                    return alreadyDone(mine.get());
                }
                known.remember(mine.get());
                return mine.get();
            }
            throw explain(conflict, game -> challengeRefused(game, userId, now));
        }
    }

    /** Why the challenge's accept was refused on {@code game}; if the rules pass, it expired. */
    private void challengeRefused(Game game, String userId, Instant now) {
        game.takeChallenge(userId, now);
        throw new GameRuleException(Rejection.CHALLENGE_EXPIRED);
    }

    /** How long invitations and challenges stay open, for pages that say until when. */
    public PendingLifetimes lifetimes() {
        return lifetimes;
    }

    /**
     * Deletes the invitation. False if there was no such game any more: it was declined or
     * cancelled already (by an earlier click of this player, say), which is what was asked for.
     * (True if the write was retried and found it gone: the first attempt deleted it.)
     */
    public boolean decline(String gameId, String userId) {
        return withdraw(gameId, () -> games.decline(gameId, userId), current -> current.checkDecline(userId));
    }

    /** Deletes the invitation; false if it was gone already, as for {@link #decline}. */
    public boolean cancel(String gameId, String userId) {
        return withdraw(gameId, () -> games.cancel(gameId, userId), current -> current.checkCancel(userId));
    }

    /**
     * Decline and cancel differ only in who may delete the invitation: {@code delete}'s condition
     * and {@code rules} say who, and a refusal is explained by the rules.
     */
    private boolean withdraw(String gameId, Supplier<Game> delete, Consumer<Game> rules) {
        checkId(gameId);
        try {
            changed(delete.get(), true);
            return true;
        } catch (WriteConflictException conflict) {
            if (conflict.current().isEmpty()) {
                return conflict.afterRetry();
            }
            throw explain(conflict, rules);
        }
    }

    /**
     * One move: checked against the latest known state of the game and written with one
     * conditional update that also finishes the game when the move wins or fills the board.
     */
    public Game move(String gameId, String player, String squareName) {
        try {
            return play(gameId, player, squareName);
        } catch (GameRuleException refused) {
            metrics.moveRefused(refused.rejection());
            throw refused;
        }
    }

    private Game play(String gameId, String player, String squareName) {
        Square square = Square.fromId(squareName).orElseThrow(() -> new GameRuleException(Rejection.INVALID_SQUARE));
        checkId(gameId);
        Instant now = Instant.now();
        Game before = known.latest(gameId).orElse(null);
        if (before == null || before.moveRejection(player, square).isPresent()) {
            // Unknown here, or refused on what this server knows: judge on the stored state.
            before = load(gameId);
        }
        Game after = before.play(player, square, now);
        long writeStarted = System.nanoTime();
        try {
            games.move(before, after, square);
        } catch (WriteConflictException conflict) {
            Optional<Game> done = conflict.current()
                    .filter(game -> conflict.afterRetry() && game.board().equals(after.board()));
            if (done.isPresent()) {
                return alreadyDone(done.get());
            }
            throw explain(conflict, game -> game.play(player, square, now));
        } catch (StoreUnavailableException outcomeUnknown) {
            uncertain.recheck(before, stored -> changed(stored, false));
            throw outcomeUnknown;
        }
        writtenHere(after, writeStarted);
        return after;
    }

    /**
     * The player gives up and the opponent wins, with one conditional write. A move that lands
     * just before changes nothing about the wish to resign: the resignation is made again on the
     * game as it is then, unless that move ended the game.
     */
    public Game resign(String gameId, String player) {
        checkId(gameId);
        Instant now = Instant.now();
        Game before = load(gameId);
        try {
            return end(before, before.resign(player, now));
        } catch (WriteConflictException conflict) {
            Optional<Game> current = conflict.current();
            if (current.isPresent() && current.get().status() == GameStatus.IN_PROGRESS) {
                known.remember(current.get());
                try {
                    return end(current.get(), current.get().resign(player, now));
                } catch (WriteConflictException again) {
                    throw explain(again, game -> game.resign(player, now));
                }
            }
            throw explain(conflict, game -> game.resign(player, now));
        }
    }

    /**
     * The player not to move takes the win once the opponent has had the turn for {@link
     * TimeLimits#claimAfter()}. Judged on the stored game, read consistently: a move the opponent
     * makes meanwhile makes the write fail, and the claim is refused with the reason.
     */
    public Game claim(String gameId, String player) {
        checkId(gameId);
        Instant now = Instant.now();
        Game before = load(gameId);
        try {
            return end(before, before.claim(player, now, limits));
        } catch (WriteConflictException conflict) {
            throw explain(conflict, game -> game.claim(player, now, limits));
        }
    }

    /**
     * Ends the game as a loss for the player to move if their time ran out by {@code now}
     * ({@link TimeLimits#stalledAfter()}). False if it did not: it was moved, ended or still has
     * time, or another server's sweep ended it first.
     */
    public boolean endIfStalled(String gameId, Instant now) {
        Optional<Game> before = games.find(gameId);
        if (before.isEmpty() || !before.get().isStalled(now, limits)) {
            return false;
        }
        try {
            end(before.get(), before.get().timeOut(now, limits));
            return true;
        } catch (WriteConflictException lostTheRace) {
            lostTheRace.current().ifPresent(known::remember);
            return false;
        }
    }

    private Game end(Game before, Game after) {
        long writeStarted = System.nanoTime();
        try {
            games.end(before, after);
        } catch (WriteConflictException conflict) {
            Optional<Game> done = conflict.current()
                    .filter(game -> conflict.afterRetry()
                            && game.status() == GameStatus.FINISHED
                            && game.ending() == after.ending()
                            && Optional.ofNullable(game.result()).equals(Optional.ofNullable(after.result())));
            if (done.isPresent()) {
                return alreadyDone(done.get());
            }
            throw conflict;
        }
        writtenHere(after, writeStarted);
        return after;
    }

    /** The limits the rules apply, for showing when a claim becomes possible. */
    public TimeLimits timeLimits() {
        return limits;
    }

    /** The game as recently known, for showing it; anyone signed in may watch a game. */
    public Optional<Game> game(String gameId) {
        if (!GameIds.isPlausible(gameId)) {
            return Optional.empty();
        }
        return known.recent(gameId, VIEW_MAX_AGE_NANOS, games::find);
    }

    /**
     * The game for its replay, which steps through it one page at a time: a finished game never
     * changes (every write is conditional on a game pending or in progress), so the state this
     * server knows of it, however old, is as good as a read. Unless its order of play is unknown
     * here (a change message from a server of the version before carries none): then, and for any
     * other game, as {@link #game}.
     */
    public Optional<Game> gameToReplay(String gameId) {
        if (!GameIds.isPlausible(gameId)) {
            return Optional.empty();
        }
        Optional<Game> known = this.known
                .latest(gameId)
                .filter(game ->
                        game.status() == GameStatus.FINISHED && game.board().isOrderKnown());
        return known.isPresent() ? known : game(gameId);
    }

    /**
     * The player's lists, known to this server from the changes it heard of, or read; without the
     * invitations that expired since, which time to live deletes only some time later.
     */
    public Lobby lobby(String userId) {
        return lobbies.of(userId, games::lobbyOf).withoutExpired(lifetimes, Instant.now());
    }

    private Game load(String gameId) {
        Game game = games.find(gameId).orElseThrow(() -> new GameRuleException(Rejection.NO_SUCH_GAME));
        known.remember(game);
        return game;
    }

    private static void checkId(String gameId) {
        if (!GameIds.isPlausible(gameId)) {
            throw new GameRuleException(Rejection.NO_SUCH_GAME);
        }
    }

    /**
     * Why a conditional write was refused, judged by the rules on the game as it is now. If the
     * rules would allow the request on the current state, the player acted on an outdated view.
     */
    private GameRuleException explain(WriteConflictException conflict, Consumer<Game> rules) {
        GameRuleException refusal = reasonFor(conflict, rules);
        // An operator's view: how often writes lose a race or come from outdated pages, and why.
        LOG.info(() -> "Write refused by its condition: " + refusal.rejection()
                + conflict.current()
                        .map(game -> " (game " + game.gameId() + ")")
                        .orElse(""));
        return refusal;
    }

    private GameRuleException reasonFor(WriteConflictException conflict, Consumer<Game> rules) {
        Optional<Game> current = conflict.current();
        if (current.isEmpty()) {
            return new GameRuleException(Rejection.NO_SUCH_GAME);
        }
        known.remember(current.get());
        try {
            rules.accept(current.get());
        } catch (GameRuleException refused) {
            return refused;
        }
        return new GameRuleException(Rejection.BOARD_CHANGED);
    }

    /**
     * A write the SDK had to retry (after a timeout, say) and whose retry was refused because the
     * first attempt had in fact been stored: report it as the success it was.
     */
    private Game alreadyDone(Game current) {
        changed(current, false);
        return current;
    }

    private void changed(Game game, boolean deleted) {
        tell(new GameChanged(game, deleted));
    }

    /** A change this server made with a write it began at {@code writeStarted} (nanoTime). */
    private void writtenHere(Game game, long writeStarted) {
        tell(GameChanged.writtenHere(game, writeStarted));
    }

    private void tell(GameChanged change) {
        record(change.game(), change.deleted());
        if (change.deleted()) {
            known.forget(change.game().gameId());
        } else {
            known.remember(change.game());
        }
        changes.fire(change);
    }

    /**
     * Each change is counted and logged once, by the request that made it, and by one decision, so
     * the metrics and the log cannot disagree on what happened. The log has one line per game that
     * an operator would want (created, started, finished, withdrawn), moves only at FINE; the
     * metrics keep no count of withdrawn invitations.
     */
    private void record(Game game, boolean deleted) {
        String invited = game.isChallenge() ? "anyone (a challenge)" : game.opponentId();
        if (deleted) {
            LOG.info(() -> "Invitation withdrawn: game " + game.gameId() + ", " + game.hostId() + " to " + invited);
            return;
        }
        switch (game.status()) {
            case PENDING -> {
                LOG.info(() -> "Game created: " + game.gameId() + ", " + game.hostId() + " invites " + invited);
                metrics.gameCreated();
            }
            case IN_PROGRESS -> {
                if (game.board().moveCount() == 0) {
                    LOG.info(() -> "Game started: " + game.gameId());
                    metrics.gameStarted();
                } else {
                    LOG.fine(() -> "Move " + game.progress() + " in game " + game.gameId());
                    metrics.moveMade();
                }
            }
            case FINISHED -> {
                LOG.info(() -> "Game finished: " + game.gameId() + ", "
                        + game.winner().map(winner -> "won by " + winner).orElse("a draw")
                        + (game.ending() == null ? "" : " (" + game.ending() + ")"));
                if (game.ending() == null) {
                    metrics.moveMade();
                }
                metrics.gameFinished(game.winner().isEmpty());
            }
        }
    }
}
