package com.tictactoe.web.lobby;

import com.tictactoe.web.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Short, human dates for lists. */
final class Dates {

    private Dates() {}

    static String ago(Instant when, Instant now, Texts texts) {
        Duration age = Duration.between(when, now);
        if (age.toMinutes() < 1) {
            return texts.get("when.justNow");
        }
        if (age.toHours() < 1) {
            return texts.get("when.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return texts.get("when.hours", age.toHours());
        }
        return texts.get("when.date", Date.from(when));
    }
}
