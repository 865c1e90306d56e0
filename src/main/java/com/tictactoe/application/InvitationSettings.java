package com.tictactoe.application;

import com.tictactoe.domain.InvitationLifetime;
import com.tictactoe.domain.PendingLifetimes;
import java.time.Duration;
import java.util.Optional;

/**
 * How long invitations stay open: property {@code tictactoe.invitations.lifetime} or variable
 * {@code TICTACTOE_INVITATIONS_LIFETIME}; and challenge links: {@code tictactoe.challenges.lifetime}
 * or {@code TICTACTOE_CHALLENGES_LIFETIME}. Each an ISO-8601 duration such as {@code P7D} or
 * {@code PT12H} (whole seconds), by {@link Configuration}, 7 days if unset. The facade and the DAO
 * read them alike, so lists, limits and the accepts' conditions follow one rule.
 */
public final class InvitationSettings {

    public static final String LIFETIME = "tictactoe.invitations.lifetime";
    public static final String CHALLENGE_LIFETIME = "tictactoe.challenges.lifetime";

    private InvitationSettings() {}

    public static InvitationLifetime lifetime() {
        return lifetime(Configuration.value(LIFETIME));
    }

    /** Both settings, invitations' and challenges'. */
    public static PendingLifetimes lifetimes() {
        return new PendingLifetimes(lifetime(), lifetime(CHALLENGE_LIFETIME, Configuration.value(CHALLENGE_LIFETIME)));
    }

    /** A wrong value stops the start with the setting's name rather than being ignored. */
    static InvitationLifetime lifetime(Optional<String> configured) {
        return lifetime(LIFETIME, configured);
    }

    static InvitationLifetime lifetime(String property, Optional<String> configured) {
        return Configuration.duration(property, configured)
                .map(length -> inWholeSeconds(property, length))
                .orElse(InvitationLifetime.DEFAULT);
    }

    private static InvitationLifetime inWholeSeconds(String property, Duration length) {
        try {
            return new InvitationLifetime(length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be whole seconds: " + length, e);
        }
    }
}
