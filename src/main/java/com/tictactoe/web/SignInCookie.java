package com.tictactoe.web;

import com.tictactoe.application.SignInTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The browser's side of a long-lived sign-in: an HttpOnly, SameSite cookie holding the token, Secure
 * on the same terms as the session cookie (see SessionCookies).
 */
final class SignInCookie {

    static final String NAME = "ttt_signin";
    private static final boolean ALWAYS_SECURE = WebSettings.fromEnvironment().secureCookies();

    private SignInCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String token) {
        write(request, response, token, SignInTokens.LIFETIME.toSeconds());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        write(request, response, "", 0);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        // Written by hand: Cookie has no SameSite before Servlet 6.0's setAttribute, and servers differ there.
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (request.isSecure() || ALWAYS_SECURE ? "; Secure" : ""));
    }
}
