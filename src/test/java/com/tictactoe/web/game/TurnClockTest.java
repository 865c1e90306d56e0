package com.tictactoe.web.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.TimeLimits;
import com.tictactoe.web.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the players read about the time the player to move has taken. */
class TurnClockTest {

    private static final Instant MOVED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Texts ENGLISH = Texts.in(Locale.ENGLISH);
    private static final Texts GERMAN = Texts.in(Locale.GERMAN);

    /** Alice moved at MOVED: bob to move. */
    private static Game bobToMove() {
        return Game.invite("g-1", "alice", "bob", MOVED.minusSeconds(120))
                .accept("bob", MOVED.minusSeconds(60))
                .play("alice", Square.TOP_LEFT, MOVED);
    }

    private static String line(String me, Duration later, Texts texts) {
        return TurnClock.line(bobToMove(), me, TimeLimits.DEFAULT, MOVED.plus(later), texts)
                .orElseThrow();
    }

    @Test
    void theWaitingPlayerReadsHowLongAndWhenTheWinCanBeClaimed() {
        assertEquals(
                "bob has had the turn for less than a minute. You can claim the win once it has been 1 day.",
                line("alice", Duration.ofSeconds(30), ENGLISH));
        assertEquals(
                "bob has had the turn for 3 hours. You can claim the win once it has been 1 day.",
                line("alice", Duration.ofHours(3).plusMinutes(59), ENGLISH));
        assertEquals(
                "bob has had the turn for 1 day. You can claim the win now, or keep waiting.",
                line("alice", Duration.ofHours(24), ENGLISH));
        assertEquals(
                "bob ist seit 2 Tagen am Zug. Du kannst jetzt den Sieg beanspruchen oder weiter warten.",
                line("alice", Duration.ofDays(2), GERMAN));
    }

    @Test
    void thePlayerToMoveReadsHowLongTheyHave() {
        assertEquals(
                "You have had the turn for 1 minute. After 7 days without a move the game ends as a loss for you.",
                line("bob", Duration.ofSeconds(90), ENGLISH));
    }

    @Test
    void watchersAndGamesWithoutATimeReadNothing() {
        assertEquals(Optional.empty(), TurnClock.line(bobToMove(), "carol", TimeLimits.DEFAULT, MOVED, ENGLISH));
        Game original = new Game(
                "g-2",
                "alice",
                "bob",
                "alice",
                "bob",
                bobToMove().statusDate(),
                null,
                bobToMove().board());
        assertEquals(Optional.empty(), TurnClock.line(original, "alice", TimeLimits.DEFAULT, MOVED, ENGLISH));
    }
}
