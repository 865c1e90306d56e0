package com.tictactoe.web.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.web.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final Texts ENGLISH = Texts.in(Locale.ENGLISH);
    private static final Instant NOW = Instant.parse("2026-12-06T18:40:30Z");

    @Test
    void recentTimesAreSaidAsAges() {
        assertEquals("just now", ago(Duration.ofSeconds(59)));
        assertEquals("1 minute ago", ago(Duration.ofSeconds(60)));
        assertEquals("59 minutes ago", ago(Duration.ofMinutes(59).plusSeconds(59)));
        assertEquals("1 hour ago", ago(Duration.ofHours(1)));
        assertEquals("23 hours ago", ago(Duration.ofHours(23)));
    }

    @Test
    void olderOnesAsADayAndATimeInUtcWhateverTheServersZone() {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try {
            assertEquals("4 Dec, 09:05 UTC", Dates.ago(Instant.parse("2026-12-04T09:05:00Z"), NOW, ENGLISH));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    private static String ago(Duration age) {
        return Dates.ago(NOW.minus(age), NOW, ENGLISH);
    }
}
