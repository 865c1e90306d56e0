package com.tictactoe.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Whether a handshake's {@code Origin} is the site itself. A browser always sends the origin of the
 * page that opens a websocket, and cannot be made to lie about it; so a page elsewhere cannot use a
 * player's cookies to listen in (cross-site websocket hijacking).
 *
 * <p>With a configured public URL, the origin must be exactly that. Without one, it must name the
 * host and port the request was sent to: a browser writes both headers itself, so on a same-origin
 * handshake they agree. The scheme is then checked only when the request itself came over TLS, since
 * behind a load balancer that ends TLS the server sees plain HTTP from an {@code https} page.
 */
public final class SameOrigin {

    private SameOrigin() {}

    /**
     * @param origin the {@code Origin} header, if any
     * @param host the {@code Host} header, if any
     * @param secure whether the request reached this server over TLS
     * @param publicOrigin the configured public origin, if any
     */
    public static boolean allows(String origin, String host, boolean secure, Optional<String> publicOrigin) {
        if (origin == null || origin.isBlank() || "null".equals(origin.trim())) {
            return false;
        }
        String normalized;
        try {
            URI uri = new URI(origin.trim());
            if (!uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                return false; // no browser sends more than scheme, host and port
            }
            normalized = WebSettings.originOf(uri.toString());
        } catch (URISyntaxException | IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
        if (publicOrigin.isPresent()) {
            return normalized.equals(publicOrigin.get());
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        String scheme = normalized.substring(0, normalized.indexOf(':'));
        if (secure && !scheme.equals("https")) {
            return false;
        }
        String expected;
        try {
            expected = WebSettings.originOf(scheme + "://" + host.trim());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return normalized.equals(expected);
    }
}
