package com.tictactoe.web.accounts;

import com.tictactoe.web.Cookies;
import com.tictactoe.web.FormToken;
import com.tictactoe.web.guards.PostbackGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The guard of the forms a visitor without an account sends (sign in, sign up), kept by the
 * browser alone: the page sets a random value as a cookie and writes the same value into its form
 * ({@link #FIELD}); a post counts only if the two agree. The server keeps nothing, so a
 * flood of visitors costs it no memory, and these pages are stateless views, with no session.
 *
 * <p>Why it stops login CSRF (another site's form signing a visitor into an account of the
 * attacker's): that site can make the browser post, but it can neither read the cookie nor set
 * it, and the cookie is SameSite=Strict, so a post from another site does not even carry it.
 * {@link PostbackGuard} also refuses such a post when the browser says where it came from
 * ({@code Sec-Fetch-Site}, {@code Origin}).
 */
@Named("visitorToken")
@ApplicationScoped
public class VisitorFormToken {

    static final String COOKIE = "ttt_form";
    /** The hidden field of the sign-in and sign-up forms; not the signed-in forms' {@link FormToken#FIELD}. */
    static final String FIELD = "tictactoe-visitor";

    private static final String ATTRIBUTE = "tictactoe.visitorToken";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32}");

    /** The value for the form being rendered, as {@link #issue} left it. */
    public String getValue() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return (String) request.getAttribute(ATTRIBUTE);
    }

    /**
     * Before a visitor page is rendered: the browser's own value if it has one (so that two open
     * tabs both stay valid), else a new one, sent as a cookie with this answer (before the page's
     * body, which may commit the answer).
     */
    public static void issue(HttpServletRequest request, HttpServletResponse response) {
        String value = fromCookie(request);
        if (value == null) {
            value = FormToken.newToken();
            write(request, response, value);
        }
        request.setAttribute(ATTRIBUTE, value);
    }

    /** Whether the post carries the same well-formed value in its form field and in its cookie. */
    public static boolean sentWith(HttpServletRequest request) {
        String cookie = fromCookie(request);
        String field = request.getParameter(FIELD);
        return cookie != null
                && field != null
                && MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private static String fromCookie(HttpServletRequest request) {
        return Cookies.value(request, COOKIE)
                .filter(value -> WELL_FORMED.matcher(value).matches())
                .orElse(null);
    }

    /** No Max-Age: it ends with the browser. */
    private static void write(HttpServletRequest request, HttpServletResponse response, String value) {
        Cookies.set(request, response, COOKIE, value, null, "Strict");
    }
}
