package com.tictactoe.infrastructure;

import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.StatusDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The original's concatenated {@code <STATUS>_<DATE>} attribute. The date is UTC in Python's
 * {@code str(datetime)} layout with microseconds, so that string order equals time order within a
 * status, which is what the StatusDate range key of both indexes relies on.
 */
public final class StatusDates {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    // Python drops the fraction when microseconds are zero, and items may come from the original.
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private StatusDates() {}

    /** What every stored value of this status begins with, e.g. {@code IN_PROGRESS_}. */
    public static String prefix(GameStatus status) {
        return status.name() + "_";
    }

    public static String format(StatusDate value) {
        return prefix(value.status()) + WRITE.format(LocalDateTime.ofInstant(value.date(), ZoneOffset.UTC));
    }

    public static StatusDate parse(String value) {
        if (value != null) {
            for (GameStatus status : GameStatus.values()) {
                if (value.startsWith(prefix(status))) {
                    String date = value.substring(prefix(status).length());
                    try {
                        return new StatusDate(
                                status, LocalDateTime.parse(date, READ).toInstant(ZoneOffset.UTC));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("Unreadable StatusDate: " + value, e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("Unreadable StatusDate: " + value);
    }
}
