package com.tictactoe.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a game stands and since when: the two halves of the original's StatusDate attribute
 * (its stored form is the infrastructure's business). The date keeps microseconds, as stored.
 */
public record StatusDate(GameStatus status, Instant date) implements Serializable {

    public StatusDate {
        Objects.requireNonNull(status, "status");
        date = Objects.requireNonNull(date, "date").truncatedTo(ChronoUnit.MICROS);
    }
}
