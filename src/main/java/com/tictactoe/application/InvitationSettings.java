package com.tictactoe.application;

import com.tictactoe.domain.InvitationLifetime;
import java.time.Duration;
import java.util.Optional;

/**
 * How long invitations stay open: property {@code tictactoe.invitations.lifetime} or variable
 * {@code TICTACTOE_INVITATIONS_LIFETIME}, an ISO-8601 duration such as {@code P7D} or {@code PT12H}
 * (whole seconds), by {@link Configuration}. The facade and the DAO read it alike, so lists, limits
 * and the accept's condition follow one rule.
 */
public final class InvitationSettings {

    public static final String LIFETIME = "tictactoe.invitations.lifetime";

    private InvitationSettings() {}

    public static InvitationLifetime lifetime() {
        return lifetime(Configuration.value(LIFETIME));
    }

    /** A wrong value stops the start with the setting's name rather than being ignored. */
    static InvitationLifetime lifetime(Optional<String> configured) {
        return Configuration.duration(LIFETIME, configured)
                .map(InvitationSettings::inWholeSeconds)
                .orElse(InvitationLifetime.DEFAULT);
    }

    private static InvitationLifetime inWholeSeconds(Duration length) {
        try {
            return new InvitationLifetime(length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LIFETIME + " must be whole seconds: " + length, e);
        }
    }
}
