package com.tictactoe.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How long an invitation stays open after it was sent. Its deadline is the sending date (the date
 * of its {@code PENDING} StatusDate) plus this length, cut to the whole second, because the stored
 * deadline that time to live reads is in whole seconds and both must say the same. From its
 * deadline on an invitation is expired: it is neither listed, nor counted against a limit, nor
 * accepted, whether or not the store has deleted it yet.
 *
 * @param length whole seconds, at least one
 */
public record InvitationLifetime(Duration length) implements Serializable {

    public static final InvitationLifetime DEFAULT = new InvitationLifetime(Duration.ofDays(7));

    public InvitationLifetime {
        Objects.requireNonNull(length, "length");
        if (length.compareTo(Duration.ofSeconds(1)) < 0 || length.getNano() != 0) {
            throw new IllegalArgumentException(
                    "An invitation's lifetime must be whole seconds, at least one: " + length);
        }
    }

    /** The first instant at which an invitation sent at {@code sentAt} is expired. */
    public Instant deadlineOf(Instant sentAt) {
        return sentAt.plus(length).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Whether this is an invitation whose deadline has come at {@code now}; games in play never expire. */
    public boolean isExpired(StatusDate statusDate, Instant now) {
        return statusDate.status() == GameStatus.PENDING && !now.isBefore(deadlineOf(statusDate.date()));
    }

    /**
     * The earliest sending date of an invitation still open at {@code now}: it is open exactly if
     * it was sent at or after this instant. (The deadline is a whole second, so an invitation is
     * open while the second of {@code now} is before it.) Lists and counts read only invitations
     * from here on, by the StatusDate order of the indexes.
     */
    public Instant openSince(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).minus(length);
    }

    /** Refuses an expired invitation. */
    public void checkOpen(Game game, Instant now) {
        if (isExpired(game.statusDate(), now)) {
            throw new GameRuleException(Rejection.INVITATION_EXPIRED);
        }
    }
}
