package com.tictactoe.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The original's concatenated {@code <STATUS>_<DATE>} value. The date is UTC in Python's
 * {@code str(datetime)} layout with microseconds, so that string order equals time order within a
 * status, which is what the StatusDate range key of both indexes relies on.
 */
public record StatusDate(GameStatus status, Instant date) implements Serializable {

    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    // Python drops the fraction when microseconds are zero, and items may come from the original.
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    public StatusDate {
        Objects.requireNonNull(status, "status");
        date = Objects.requireNonNull(date, "date").truncatedTo(ChronoUnit.MICROS);
    }

    public static StatusDate parse(String value) {
        if (value != null) {
            for (GameStatus status : GameStatus.values()) {
                if (value.startsWith(status.prefix())) {
                    String date = value.substring(status.prefix().length());
                    try {
                        return new StatusDate(status,
                                LocalDateTime.parse(date, READ).toInstant(ZoneOffset.UTC));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("Unreadable StatusDate: " + value, e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("Unreadable StatusDate: " + value);
    }

    @Override
    public String toString() {
        return status.prefix() + WRITE.format(LocalDateTime.ofInstant(date, ZoneOffset.UTC));
    }
}
