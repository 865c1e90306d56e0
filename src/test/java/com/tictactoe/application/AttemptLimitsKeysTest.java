package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.application.AttemptLimits.Limit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which client an address counts as, and in which window an attempt is counted. */
class AttemptLimitsKeysTest {

    @Test
    void ipv6AddressesCountByTheirSlash64AndOthersAsThemselves() {
        assertEquals("0:0:0:0:0:0:0:0/64", AttemptLimits.clientOf("::1"), "an address that starts with a colon");
        assertEquals("fe80:0:0:0:0:0:0:0/64", AttemptLimits.clientOf("fe80::1:2:3:4"));
        assertEquals("::ffff:192.0.2.1", AttemptLimits.clientOf("::ffff:192.0.2.1"), "an IPv4 address in IPv6 dress");
        assertEquals("fe80::zz", AttemptLimits.clientOf("fe80::zz"), "not an address: as it came");
        assertEquals("198.51.100.4", AttemptLimits.clientOf("198.51.100.4"));
    }

    @Test
    void windowsAreAlignedToTheEpoch() {
        Instant at = Instant.parse("2031-01-01T10:44:59Z");
        long quarter = Instant.parse("2031-01-01T10:30:00Z").getEpochSecond();
        long hour = Instant.parse("2031-01-01T10:00:00Z").getEpochSecond();
        assertEquals("signin-pair~" + quarter + "~x", AttemptLimits.key(Limit.ACCOUNT_FROM_ADDRESS, "x", at));
        assertEquals("signin-address~" + quarter + "~x", AttemptLimits.key(Limit.FAILURES_FROM_ADDRESS, "x", at));
        assertEquals("signin-account~" + hour + "~x", AttemptLimits.key(Limit.ACCOUNT, "x", at));
        assertEquals("signup-address~" + hour + "~x", AttemptLimits.key(Limit.SIGN_UPS_FROM_ADDRESS, "x", at));
        assertEquals("signup-all~" + hour + "~x", AttemptLimits.key(Limit.SIGN_UPS, "x", at));
        assertEquals(
                "signin-pair~" + (quarter + 900) + "~x",
                AttemptLimits.key(Limit.ACCOUNT_FROM_ADDRESS, "x", at.plusSeconds(1)),
                "the next quarter hour");
        assertEquals(Duration.ofMinutes(15), Limit.ACCOUNT_FROM_ADDRESS.window());
        assertEquals(100, Limit.ACCOUNT.max());
    }
}
