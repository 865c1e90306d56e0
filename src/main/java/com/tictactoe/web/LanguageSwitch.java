package com.tictactoe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The language switch: {@code /language?to=de&back=/game.xhtml?id=...} remembers the language in a
 * cookie of the browser (no session: visitors switch too) and goes back to the page. A language the
 * bundle has no file for changes nothing; {@code back} is only ever a path on this site.
 */
@WebServlet(LanguageSwitch.PATH)
public class LanguageSwitch extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/language";
    private static final long A_YEAR = Duration.ofDays(365).toSeconds();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = request.getParameter("to");
        if (to != null && Texts.isAvailable(to)) {
            Cookies.set(request, response, Texts.COOKIE, to.toLowerCase(Locale.ROOT), A_YEAR, "Lax");
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + sitePath(request.getParameter("back")));
    }

    /** The page to go back to, if it is one of this site ({@link SiteAddress}); else the lobby. */
    static String sitePath(String back) {
        return SiteAddress.isOnThisSite(back) ? back : "/";
    }
}
