package com.tictactoe.infrastructure;

import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.StatusDate;
import java.time.Instant;
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

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

    /**
     * The least stored value of {@code status} dated in {@code second} or later: the date without
     * a fraction, which sorts before the same second with one, as the original writes the second's
     * very start. With {@link #last} the range of a key condition from that second on.
     */
    public static String firstOf(GameStatus status, Instant second) {
        return prefix(status) + SECONDS.format(LocalDateTime.ofInstant(second, ZoneOffset.UTC));
    }

    /** A value after every stored value of {@code status}: the last microsecond a date can name. */
    public static String last(GameStatus status) {
        return prefix(status) + "9999-12-31 23:59:59.999999";
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
