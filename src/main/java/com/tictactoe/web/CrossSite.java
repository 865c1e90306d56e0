package com.tictactoe.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the browser says that a request comes from a page of another site. Browsers write these
 * headers themselves and a page cannot make them lie; a client that is not a browser may leave them
 * out, which proves nothing either way, so this is a second check beside a token, never the only one.
 */
public final class CrossSite {

    private static final WebSettings SETTINGS = WebSettings.fromEnvironment();

    private CrossSite() {}

    public static boolean sent(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && (fetchSite.equals("cross-site") || fetchSite.equals("same-site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null
                && !SameOrigin.allows(origin, request.getHeader("Host"), request.isSecure(), SETTINGS.publicOrigin());
    }
}
