package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.StatusDate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusDatesTest {

    @Test
    void writesTheOriginalsFormatInUtcWithMicroseconds() {
        StatusDate value = new StatusDate(GameStatus.IN_PROGRESS, Instant.parse("2026-11-21T10:20:32.123456789Z"));
        assertEquals("IN_PROGRESS_2026-11-21 10:20:32.123456", StatusDates.format(value));
        assertEquals(
                "PENDING_2026-11-21 10:20:32.000000",
                StatusDates.format(new StatusDate(GameStatus.PENDING, Instant.parse("2026-11-21T10:20:32Z"))));
    }

    @Test
    void readsBackWhatItWritesAndWhatPythonWrites() {
        StatusDate value = StatusDates.parse("FINISHED_2026-11-21 10:24:05.918273");
        assertEquals(GameStatus.FINISHED, value.status());
        assertEquals(Instant.parse("2026-11-21T10:24:05.918273Z"), value.date());
        assertEquals("FINISHED_2026-11-21 10:24:05.918273", StatusDates.format(value));
        // str(datetime) leaves out a zero fraction
        assertEquals(
                Instant.parse("2026-11-21T10:24:05Z"),
                StatusDates.parse("PENDING_2026-11-21 10:24:05").date());
    }

    @Test
    void stringOrderIsTimeOrder() {
        StatusDate earlier = new StatusDate(GameStatus.FINISHED, Instant.parse("2026-11-21T09:59:59.999999Z"));
        StatusDate later = new StatusDate(GameStatus.FINISHED, Instant.parse("2026-11-21T10:00:00.000001Z"));
        assertTrue(StatusDates.format(earlier).compareTo(StatusDates.format(later)) < 0);
    }

    /** The bounds of the key range that lists open invitations: from a second on, to the end. */
    @Test
    void aRangeFromASecondHoldsEveryValueOfThatSecondAndLaterAndNoEarlier() {
        Instant second = Instant.parse("2026-11-21T10:24:05Z");
        String first = StatusDates.firstOf(GameStatus.PENDING, second);
        String last = StatusDates.last(GameStatus.PENDING);
        assertEquals("PENDING_2026-11-21 10:24:05", first, "as the original writes that very second");
        for (String inside : new String[] {
            "PENDING_2026-11-21 10:24:05", // the original's, without a fraction
            StatusDates.format(new StatusDate(GameStatus.PENDING, second)),
            StatusDates.format(new StatusDate(GameStatus.PENDING, second.plusNanos(999_999_000))),
            StatusDates.format(new StatusDate(GameStatus.PENDING, Instant.parse("2999-01-01T00:00:00Z")))
        }) {
            assertTrue(first.compareTo(inside) <= 0 && inside.compareTo(last) <= 0, inside);
        }
        for (String outside : new String[] {
            StatusDates.format(new StatusDate(GameStatus.PENDING, second.minusNanos(1000))),
            "PENDING_2026-11-21 10:24:04",
            StatusDates.format(new StatusDate(GameStatus.IN_PROGRESS, second.plusSeconds(1)))
        }) {
            assertTrue(outside.compareTo(first) < 0 || outside.compareTo(last) > 0, outside);
        }
    }

    @Test
    void rejectsValuesThatAreNotStatusDates() {
        assertThrows(IllegalArgumentException.class, () -> StatusDates.parse("DONE_2026-11-21 10:24:05"));
        assertThrows(IllegalArgumentException.class, () -> StatusDates.parse("PENDING_yesterday"));
        assertThrows(IllegalArgumentException.class, () -> StatusDates.parse(null));
    }

    @Test
    void aStatusDateReadsAndWritesEveryStatus() {
        for (GameStatus status : GameStatus.values()) {
            StatusDate value = new StatusDate(status, Instant.parse("2026-11-21T10:20:32.123456789Z"));
            assertEquals(status.name() + "_2026-11-21 10:20:32.123456", StatusDates.format(value));
            assertEquals(value, StatusDates.parse(StatusDates.format(value)));
            assertEquals(status, value.status());
        }
        assertEquals("IN_PROGRESS_", StatusDates.prefix(GameStatus.IN_PROGRESS));
        assertEquals(
                Instant.parse("2026-11-21T10:24:05.100Z"),
                StatusDates.parse("FINISHED_2026-11-21 10:24:05.1").date());
        IllegalArgumentException unreadable =
                assertThrows(IllegalArgumentException.class, () -> StatusDates.parse("PENDING_2026-13-45 10:24:05"));
        assertEquals("Unreadable StatusDate: PENDING_2026-13-45 10:24:05", unreadable.getMessage());
        assertEquals(
                "Unreadable StatusDate: null",
                assertThrows(IllegalArgumentException.class, () -> StatusDates.parse(null))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> StatusDates.parse(""));
        assertThrows(IllegalArgumentException.class, () -> StatusDates.parse("PENDING2026-11-21 10:24:05"));
    }
}
