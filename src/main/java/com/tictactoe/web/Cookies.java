package com.tictactoe.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The app's own cookies, read and written alike: HttpOnly, for the whole site, with a SameSite
 * policy, Secure on the same terms as the session cookie (see SessionCookies). Written by hand:
 * Cookie has no SameSite before Servlet 6.0's setAttribute, and servers differ there.
 */
public final class Cookies {

    private static final boolean ALWAYS_SECURE = WebSettings.fromEnvironment().secureCookies();

    private Cookies() {}

    public static Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * @param maxAgeSeconds how long the browser keeps it, or null for as long as the browser runs
     * @param sameSite "Lax" or "Strict"
     */
    public static void set(
            HttpServletRequest request,
            HttpServletResponse response,
            String name,
            String value,
            Long maxAgeSeconds,
            String sameSite) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader(
                "Set-Cookie",
                name + "=" + value + "; Path=" + path
                        + (maxAgeSeconds == null ? "" : "; Max-Age=" + maxAgeSeconds)
                        + "; HttpOnly; SameSite=" + sameSite + (request.isSecure() || ALWAYS_SECURE ? "; Secure" : ""));
    }
}
