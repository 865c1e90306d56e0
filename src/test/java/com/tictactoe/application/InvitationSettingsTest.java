package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.InvitationLifetime;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** tictactoe.invitations.lifetime: seven days unless set, an ISO-8601 duration when set, a clear error when wrong. */
class InvitationSettingsTest {

    @Test
    void sevenDaysUnlessSet() {
        assertEquals(
                Duration.ofDays(7),
                InvitationSettings.lifetime(Optional.empty()).length());
        assertEquals(
                Duration.ofDays(7),
                InvitationSettings.lifetime(Optional.of("  ")).length());
    }

    @Test
    void anIsoDuration() {
        assertEquals(new InvitationLifetime(Duration.ofDays(3)), InvitationSettings.lifetime(Optional.of(" P3D ")));
        assertEquals(
                Duration.ofHours(12),
                InvitationSettings.lifetime(Optional.of("PT12H")).length());
    }

    @Test
    void aWrongValueNamesTheSetting() {
        for (String wrong : new String[] {"7", "7 days", "PT0S", "-P1D", "PT0.5S"}) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> InvitationSettings.lifetime(Optional.of(wrong)));
            assertTrue(refused.getMessage().startsWith(InvitationSettings.LIFETIME), refused.getMessage());
        }
    }

    @Test
    void theEnvironmentVariable() {
        assertEquals("TICTACTOE_INVITATIONS_LIFETIME", Configuration.environmentName(InvitationSettings.LIFETIME));
    }

    @Test
    void challengeLinksHaveTheirOwnSetting() {
        assertEquals(
                "TICTACTOE_CHALLENGES_LIFETIME", Configuration.environmentName(InvitationSettings.CHALLENGE_LIFETIME));
        assertEquals(
                Duration.ofDays(7), InvitationSettings.lifetimes().challenges().length(), "a week unless set");
        System.setProperty(InvitationSettings.CHALLENGE_LIFETIME, "PT36H");
        try {
            assertEquals(
                    Duration.ofHours(36),
                    InvitationSettings.lifetimes().challenges().length());
            assertEquals(
                    Duration.ofDays(7),
                    InvitationSettings.lifetimes().invitations().length(),
                    "not the invitations'");
            System.setProperty(InvitationSettings.CHALLENGE_LIFETIME, "PT0.5S");
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, InvitationSettings::lifetimes);
            assertTrue(refused.getMessage().startsWith(InvitationSettings.CHALLENGE_LIFETIME), refused.getMessage());
        } finally {
            System.clearProperty(InvitationSettings.CHALLENGE_LIFETIME);
        }
    }
}
