package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.TimeLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeLimitSettingsTest {

    @Test
    void unsetMeansADayToClaimAWeekToStallAndASweepEveryFiveMinutes() {
        TimeLimitSettings settings = new TimeLimitSettings(name -> null);
        assertEquals(TimeLimits.DEFAULT, settings.limits());
        assertEquals(Duration.ofHours(24), settings.limits().claimAfter());
        assertEquals(Duration.ofDays(7), settings.limits().stalledAfter());
        assertEquals(Duration.ofMinutes(5), settings.sweepEvery());
    }

    @Test
    void durationsAreReadAsIsoWithTheirNameInAnyComplaint() {
        Map<String, String> set = Map.of(
                TimeLimitSettings.CLAIM_AFTER, " PT2H ",
                TimeLimitSettings.STALLED_AFTER, "P2D",
                TimeLimitSettings.SWEEP_EVERY, "PT30S");
        TimeLimitSettings settings = new TimeLimitSettings(set::get);
        assertEquals(new TimeLimits(Duration.ofHours(2), Duration.ofDays(2)), settings.limits());
        assertEquals(Duration.ofSeconds(30), settings.sweepEvery());

        IllegalArgumentException notADuration = assertThrows(
                IllegalArgumentException.class,
                () -> new TimeLimitSettings(Map.of(TimeLimitSettings.CLAIM_AFTER, "24h")::get));
        assertTrue(notADuration.getMessage().contains(TimeLimitSettings.CLAIM_AFTER), notADuration.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new TimeLimitSettings(Map.of(TimeLimitSettings.SWEEP_EVERY, "PT0S")::get));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TimeLimitSettings(Map.of(TimeLimitSettings.STALLED_AFTER, "PT1H")::get),
                "a game cannot stall before its win can be claimed");
    }
}
