package com.tictactoe.web.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error pages, with the request's reference on them. Plain HTML from a servlet: they must
 * show even when Faces is what failed.
 */
@WebServlet(urlPatterns = {ErrorPages.ERROR, ErrorPages.UNAVAILABLE, ErrorPages.NOT_FOUND})
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String ERROR = "/error";
    public static final String UNAVAILABLE = "/unavailable";
    public static final String NOT_FOUND = "/not-found";

    private record Page(String code, String heading, String text, String head) {}

    /** For a request refused as malformed (any 4xx but 404), whatever page it was sent to. */
    private static final Page REFUSED = new Page(
            "4xx",
            "That request was refused",
            "The request was not one this site's pages send, so nothing was done. Please go back to the"
                    + " game and try again from there.",
            "");

    private static final Map<String, Page> PAGES = Map.of(
            ERROR,
                    new Page(
                            "Oops",
                            "Something went wrong",
                            "That did not work. Nothing you did was lost; please go back and try again.",
                            ""),
            UNAVAILABLE,
                    new Page(
                            "503",
                            "Back in a moment",
                            "The game store cannot be reached right now, or is too busy. This page tries again by itself"
                                    + " every 10 seconds; your games are safe.",
                            "<meta http-equiv=\"refresh\" content=\"10\"/>"),
            NOT_FOUND,
                    new Page(
                            "404",
                            "Not found",
                            "There is nothing here \u2014 perhaps the game was declined or cancelled, or the link is mistyped.",
                            ""));

    private volatile String layout;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Page page = PAGES.getOrDefault(request.getServletPath(), PAGES.get(ERROR));
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() == DispatcherType.ERROR
                && status instanceof Integer code
                && code >= 400
                && code < 500
                && code != HttpServletResponse.SC_NOT_FOUND) {
            page = new Page(String.valueOf(code), REFUSED.heading(), REFUSED.text(), "");
        }
        String ref = RequestIds.of(request);
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // Asked for directly, by a page whose AJAX request failed: its reference is in the query.
            // Read from the query alone: the body of a failed request may be what failed.
            String quoted = referenceIn(request.getQueryString());
            if (RequestIds.isWellFormed(quoted)) {
                ref = quoted;
            }
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Request-Id", ref);
        // Every value is either fixed above or checked: the reference is eight hex digits.
        response.getWriter()
                .write(layout().replace("{{head}}", page.head())
                        .replace("{{code}}", page.code())
                        .replace("{{heading}}", page.heading())
                        .replace("{{text}}", page.text())
                        .replace("{{base}}", request.getContextPath())
                        .replace("{{ref}}", ref));
    }

    private static String referenceIn(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("ref=")) {
                return pair.substring("ref=".length());
            }
        }
        return null;
    }

    private String layout() {
        if (layout == null) {
            try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/errors/layout.html")) {
                layout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return layout;
    }

    /** Where an AJAX request that failed sends its page, keeping the reference. */
    public static String errorAddress(HttpServletRequest request) {
        return request.getContextPath() + ERROR + "?ref=" + RequestIds.of(request);
    }
}
