package com.tictactoe.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusDateTest {

    @Test
    void writesTheOriginalsFormatInUtcWithMicroseconds() {
        StatusDate value = new StatusDate(GameStatus.IN_PROGRESS, Instant.parse("2026-11-21T10:20:32.123456789Z"));
        assertEquals("IN_PROGRESS_2026-11-21 10:20:32.123456", value.toString());
        assertEquals("PENDING_2026-11-21 10:20:32.000000",
                new StatusDate(GameStatus.PENDING, Instant.parse("2026-11-21T10:20:32Z")).toString());
    }

    @Test
    void readsBackWhatItWritesAndWhatPythonWrites() {
        StatusDate value = StatusDate.parse("FINISHED_2026-11-21 10:24:05.918273");
        assertEquals(GameStatus.FINISHED, value.status());
        assertEquals(Instant.parse("2026-11-21T10:24:05.918273Z"), value.date());
        assertEquals("FINISHED_2026-11-21 10:24:05.918273", value.toString());
        // str(datetime) leaves out a zero fraction
        assertEquals(Instant.parse("2026-11-21T10:24:05Z"), StatusDate.parse("PENDING_2026-11-21 10:24:05").date());
    }

    @Test
    void stringOrderIsTimeOrder() {
        StatusDate earlier = new StatusDate(GameStatus.FINISHED, Instant.parse("2026-11-21T09:59:59.999999Z"));
        StatusDate later = new StatusDate(GameStatus.FINISHED, Instant.parse("2026-11-21T10:00:00.000001Z"));
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void rejectsValuesThatAreNotStatusDates() {
        assertThrows(IllegalArgumentException.class, () -> StatusDate.parse("DONE_2026-11-21 10:24:05"));
        assertThrows(IllegalArgumentException.class, () -> StatusDate.parse("PENDING_yesterday"));
        assertThrows(IllegalArgumentException.class, () -> StatusDate.parse(null));
    }
}
