package com.tictactoe.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.HistoryPage;
import com.tictactoe.domain.Outcome;
import com.tictactoe.domain.PlayerRecord;
import com.tictactoe.domain.RecordRepository;
import com.tictactoe.domain.Standing;
import com.tictactoe.domain.UserIds;
import com.tictactoe.domain.WinLossDraw;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Players' records, their finished games page by page, and the leaderboard. The records are
 * written by the store together with each game's end ({@link RecordRepository}); here they are
 * read. A lobby shows its player's totals on every view, so they are kept for at most {@link
 * #MAX_AGE} from their read. A game this server finishes is added to the totals it keeps when they
 * were read before its write began (so they cannot include it); otherwise, and for a game finished
 * elsewhere or at a time this server does not know, the totals are forgotten and read again. The
 * leaderboard, the same for everyone, is read at most every {@link #MAX_AGE}.
 */
@ApplicationScoped
public class Records {

    /** Rows of the leaderboard. */
    public static final int LEADERS = 10;

    /** Finished games on a page of a player's history. */
    public static final int HISTORY_PAGE = 10;

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    static final int CAPACITY = 5_000;

    @Inject
    private RecordRepository records;

    @Inject
    private GameRepository games;

    @Inject
    private KnownPlayers players;

    /** Totals as read, and when the read had its answer ({@link System#nanoTime()}). */
    private record ReadTotals(WinLossDraw totals, long answeredAt) {

        ReadTotals plus(Outcome outcome) {
            return new ReadTotals(totals.plus(outcome), answeredAt);
        }
    }

    // Counted from the read: adding a game here does not make the totals any younger.
    private final Cache<String, ReadTotals> totals = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfter(Expiry.<String, ReadTotals>creating((player, read) -> MAX_AGE))
            .executor(Runnable::run)
            .build();

    private final Cache<Boolean, List<Standing>> leaders = Caffeine.newBuilder()
            .expireAfterWrite(MAX_AGE)
            .executor(Runnable::run)
            .build();

    /** The player's wins, losses and draws, as a lobby shows them. */
    public WinLossDraw totalsOf(String player) {
        return totals.get(player, this::read).totals();
    }

    /**
     * The record of the player named {@code name} (any case, as typed), if there is such a player:
     * one with an account, or one of the original app who has finished a game here.
     */
    public Optional<PlayerRecord> recordOf(String name) {
        if (!UserIds.isValid(name)) {
            return Optional.empty();
        }
        Optional<String> account = players.username(name);
        PlayerRecord record = records.recordOf(account.orElse(name));
        if (account.isEmpty() && record.overall().games() == 0) {
            return Optional.empty();
        }
        return Optional.of(record);
    }

    /**
     * A page of the player's finished games, newest first; {@code cursor} as the former page's next.
     *
     * @throws com.tictactoe.domain.BadCursorException if the cursor was not made for this player
     */
    public HistoryPage history(String player, String cursor) {
        return games.finishedGames(player, cursor, HISTORY_PAGE);
    }

    public List<Standing> leaders() {
        return leaders.get(Boolean.TRUE, all -> records.leaders(LEADERS));
    }

    private ReadTotals read(String player) {
        WinLossDraw read = records.totalsOf(player);
        return new ReadTotals(read, System.nanoTime());
    }

    void heard(@Observes GameChanged change) {
        Game game = change.game();
        if (change.deleted() || game.status() != GameStatus.FINISHED) {
            return;
        }
        if (change.writeStarted().isEmpty() || game.hostId().equals(game.opponentId())) {
            totals.invalidateAll(change.players());
            return;
        }
        long writeStarted = change.writeStarted().getAsLong();
        for (String player : change.players()) {
            Outcome outcome = game.outcomeFor(player).orElseThrow();
            totals.asMap()
                    .computeIfPresent(
                            player, (name, read) -> read.answeredAt() - writeStarted < 0 ? read.plus(outcome) : null);
        }
    }
}
