package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void theConnectionsPeerUnlessItIsATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), Set.of()),
                "nobody's X-Forwarded-For is believed by default");
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), Set.of("10.0.0.5")));
    }

    @Test
    void behindTrustedProxiesTheRightMostEntryThatIsNotOne() {
        Set<String> proxies = Set.of("10.0.0.5", "10.0.0.6");
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("198.51.100.1"), proxies));
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("1.2.3.4, 198.51.100.1, 10.0.0.6"), proxies),
                "what the client wrote itself (1.2.3.4) is not believed");
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("1.2.3.4", "198.51.100.1 ,"), proxies));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", List.of(), proxies), "no header: the proxy itself");
    }
}
