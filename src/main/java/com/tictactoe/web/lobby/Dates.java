package com.tictactoe.web.lobby;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short, human dates for lists. */
final class Dates {

    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

    static String ago(Instant when, Instant now) {
        Duration age = Duration.between(when, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            long minutes = age.toMinutes();
            return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
        }
        if (age.toDays() < 1) {
            long hours = age.toHours();
            return hours + (hours == 1 ? " hour ago" : " hours ago");
        }
        return DAY_AND_TIME.format(when);
    }
}
