package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameOriginTest {

    private static final Optional<String> UNSET = Optional.empty();

    @Test
    void withoutAPublicUrlTheOriginMustNameTheHostAndPortTheRequestWasSentTo() {
        assertTrue(SameOrigin.allows("http://localhost:8080", "localhost:8080", false, UNSET));
        assertTrue(SameOrigin.allows("http://Game.Example", "game.example", false, UNSET));
        assertTrue(SameOrigin.allows("https://game.example", "game.example", true, UNSET));
        assertTrue(
                SameOrigin.allows("https://game.example", "game.example", false, UNSET),
                "TLS ended at a load balancer");
        assertTrue(SameOrigin.allows("http://game.example:80", "game.example", false, UNSET));

        assertFalse(SameOrigin.allows("http://evil.example", "game.example", false, UNSET));
        assertFalse(SameOrigin.allows("http://localhost:9999", "localhost:8080", false, UNSET), "another port");
        assertFalse(SameOrigin.allows("http://game.example.evil.example", "game.example", false, UNSET));
        assertFalse(SameOrigin.allows("http://game.example", "game.example", true, UNSET), "plain page, TLS request");
        assertFalse(SameOrigin.allows("https://game.example", "game.example:80", false, UNSET));
        assertFalse(SameOrigin.allows("http://game.example", null, false, UNSET));
    }

    @Test
    void anOriginThatIsMissingNullOrMoreThanAnOriginIsRefused() {
        for (String origin : new String[] {
            null,
            "",
            " ",
            "null",
            "file://",
            "ws://game.example",
            "game.example",
            "http://game.example/",
            "http://game.example/path",
            "http://user@game.example",
            "http://game.example?x",
            "http://game.example#x",
            "javascript:alert(1)",
            "http://[bad",
            "http://game.example:99999"
        }) {
            assertFalse(SameOrigin.allows(origin, "game.example", false, UNSET), String.valueOf(origin));
        }
    }

    @Test
    void aConfiguredPublicUrlIsTheOnlyOriginAllowedWhateverTheHostHeaderSays() {
        Optional<String> publicOrigin = Optional.of("https://game.example");
        assertTrue(SameOrigin.allows("https://game.example", "10.0.0.7:8080", false, publicOrigin));
        assertTrue(SameOrigin.allows("https://game.example:443", "anything", false, publicOrigin));
        assertFalse(SameOrigin.allows("http://game.example", "game.example", false, publicOrigin));
        assertFalse(
                SameOrigin.allows("https://evil.example", "evil.example", false, publicOrigin),
                "a forged Host is no help");
    }
}
