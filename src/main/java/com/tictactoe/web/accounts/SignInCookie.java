package com.tictactoe.web.accounts;

import com.tictactoe.application.SignInTokens;
import com.tictactoe.web.Cookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The browser's side of a long-lived sign-in: a SameSite=Lax cookie holding the token (see Cookies).
 */
final class SignInCookie {

    static final String NAME = "ttt_signin";

    private SignInCookie() {}

    static Optional<String> read(HttpServletRequest request) {
        return Cookies.value(request, NAME);
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String token) {
        Cookies.set(request, response, NAME, token, SignInTokens.LIFETIME.toSeconds(), "Lax");
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        Cookies.set(request, response, NAME, "", 0L, "Lax");
    }
}
