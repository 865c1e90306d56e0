package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    @Test
    void nothingConfiguredMeansTheServerDecidesPerRequest() {
        WebSettings settings = WebSettings.from(name -> null);
        assertEquals(Optional.empty(), settings.publicOrigin());
        assertFalse(settings.secureCookies());
    }

    @Test
    void thePublicUrlGivesAnOriginAndHttpsMakesCookiesSecure() {
        WebSettings settings =
                WebSettings.from(Map.of(WebSettings.PUBLIC_URL, " HTTPS://Game.Example:443/tictactoe/ ")::get);
        assertEquals(Optional.of("https://game.example"), settings.publicOrigin());
        assertTrue(settings.secureCookies());
        assertEquals(
                Optional.of("http://game.example:8080"),
                WebSettings.from(Map.of(WebSettings.PUBLIC_URL, "http://game.example:8080")::get)
                        .publicOrigin());
        assertThrows(
                IllegalArgumentException.class,
                () -> WebSettings.from(Map.of(WebSettings.PUBLIC_URL, "game.example")::get));
    }

    @Test
    void secureCookiesCanBeAskedForOnTheirOwn() {
        assertTrue(WebSettings.from(Map.of(WebSettings.SECURE_COOKIES, "true")::get)
                .secureCookies());
        assertFalse(
                WebSettings.from(Map.of(WebSettings.SECURE_COOKIES, "no")::get).secureCookies());
    }
}
