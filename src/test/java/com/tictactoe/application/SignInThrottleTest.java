package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void aFewMistakesAreFreeThenEachFailureDoublesTheWait() {
        ManualClock clock = new ManualClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("Alice");
            assertEquals(Duration.ZERO, throttle.waitFor("alice"));
        }
        throttle.failed("alice");
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("ALICE"), "names are counted ignoring case");
        throttle.failed("alice");
        assertEquals(Duration.ofSeconds(4), throttle.waitFor("alice"));
        clock.advance(Duration.ofSeconds(4));
        assertEquals(Duration.ZERO, throttle.waitFor("alice"));
        assertEquals(Duration.ZERO, throttle.waitFor("bob"), "other accounts are not affected");

        for (int i = 0; i < 30; i++) {
            throttle.failed("alice");
        }
        assertEquals(SignInThrottle.LONGEST_WAIT, throttle.waitFor("alice"));

        throttle.succeeded("alice");
        throttle.failed("alice");
        assertEquals(Duration.ZERO, throttle.waitFor("alice"), "a success starts the count again");
    }

    @Test
    void failuresLongAgoAreForgotten() {
        ManualClock clock = new ManualClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("carol");
        }
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("carol"));
        clock.advance(SignInThrottle.FORGET_AFTER.plusMinutes(1));
        throttle.failed("carol");
        assertEquals(Duration.ZERO, throttle.waitFor("carol"), "counting starts again after a quiet spell");
    }
}
