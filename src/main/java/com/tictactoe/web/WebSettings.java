package com.tictactoe.web;

import com.tictactoe.application.Configuration;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How the site is reached from outside, from system properties or environment variables
 * ({@code tictactoe.public-url} or {@code TICTACTOE_PUBLIC_URL}, {@code tictactoe.secure-cookies}
 * or {@code TICTACTOE_SECURE_COOKIES}). Both matter when TLS ends at a load balancer: the server
 * then sees plain HTTP and whatever {@code Host} the balancer passes on.
 *
 * @param publicOrigin the origin players' browsers load the pages from ({@code https://game.example}),
 *                     when configured
 * @param secureCookies whether cookies carry {@code Secure} even on a request that reached the server
 *                      over plain HTTP
 */
public record WebSettings(Optional<String> publicOrigin, boolean secureCookies) {

    public static final String PUBLIC_URL = "tictactoe.public-url";
    public static final String SECURE_COOKIES = "tictactoe.secure-cookies";

    public static WebSettings fromEnvironment() {
        return from(name -> Configuration.value(name).orElse(null));
    }

    static WebSettings from(UnaryOperator<String> source) {
        Optional<String> origin = Optional.ofNullable(source.apply(PUBLIC_URL))
                .filter(url -> !url.isBlank())
                .map(url -> originOf(url.trim()));
        String secure = source.apply(SECURE_COOKIES);
        boolean secureCookies = secure != null && Boolean.parseBoolean(secure.trim())
                || origin.map(o -> o.startsWith("https:")).orElse(false);
        return new WebSettings(origin, secureCookies);
    }

    /**
     * The scheme, host and port of a URL, as a browser writes them in an {@code Origin} header:
     * lower case, without a default port, without a path.
     */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(PUBLIC_URL + " must be an http or https URL: " + url);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == defaultPort(scheme);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
