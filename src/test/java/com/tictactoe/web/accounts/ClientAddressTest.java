package com.tictactoe.web.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void theConnectionsPeerUnlessItIsATrustedProxy() {
        assertEquals(
                "203.0.113.9",
                ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), Set.of()),
                "nobody's X-Forwarded-For is believed by default");
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), Set.of("10.0.0.5")));
    }

    @Test
    void trustedProxiesMayBeRangesAsForALoadBalancerWhoseAddressesChange() {
        Set<String> vpc = Set.of("10.0.0.0/16", "fd00:ec2::/32");
        assertEquals("198.51.100.1", ClientAddress.of("10.0.37.200", List.of("198.51.100.1"), vpc));
        assertEquals("198.51.100.1", ClientAddress.of("10.0.37.200", List.of("198.51.100.1, 10.0.1.9"), vpc));
        assertEquals("10.1.0.1", ClientAddress.of("10.1.0.1", List.of("198.51.100.1"), vpc), "outside the range");
        assertEquals("198.51.100.1", ClientAddress.of("fd00:ec2:0:0:0:0:0:7", List.of("198.51.100.1"), vpc));
        assertEquals("fd00:ec3:0:0:0:0:0:7", ClientAddress.of("fd00:ec3:0:0:0:0:0:7", List.of("198.51.100.1"), vpc));
        assertEquals(
                "10.0.0.1",
                ClientAddress.of("10.0.0.1", List.of("198.51.100.1"), Set.of("10.0.0.0/33", "10.0.0.0/x")),
                "malformed ranges trust nobody");
        assertEquals(
                "10.0.0.1",
                ClientAddress.of("10.0.0.1", List.of("198.51.100.1"), Set.of("localhost/8")),
                "names are not looked up");
    }

    @Test
    void behindTrustedProxiesTheRightMostEntryThatIsNotOne() {
        Set<String> proxies = Set.of("10.0.0.5", "10.0.0.6");
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("198.51.100.1"), proxies));
        assertEquals(
                "198.51.100.1",
                ClientAddress.of("10.0.0.5", List.of("1.2.3.4, 198.51.100.1, 10.0.0.6"), proxies),
                "what the client wrote itself (1.2.3.4) is not believed");
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("1.2.3.4", "198.51.100.1 ,"), proxies));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", List.of(), proxies), "no header: the proxy itself");
    }
}
