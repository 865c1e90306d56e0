package com.tictactoe.web.errors;

import com.tictactoe.web.Html;
import com.tictactoe.web.Texts;
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
@WebServlet(urlPatterns = {ErrorPages.ERROR, ErrorPages.UNAVAILABLE, ErrorPages.BUSY, ErrorPages.NOT_FOUND})
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String ERROR = "/error";
    public static final String UNAVAILABLE = "/unavailable";
    public static final String NOT_FOUND = "/not-found";
    /** Where a page goes that could not have its turn (web.guards.TurnGate). */
    public static final String BUSY = "/busy";

    /** A page's code and its texts' keys ({@code error.<name>.title} and {@code .text}). */
    private record Page(String code, String name, String head) {}

    /** For a request refused as malformed (any 4xx but 404), whatever page it was sent to. */
    private static final String REFUSED = "refused";

    private static final Map<String, Page> PAGES = Map.of(
            ERROR, new Page("Oops", "failed", ""),
            UNAVAILABLE, new Page("503", "unavailable", "<meta http-equiv=\"refresh\" content=\"10\"/>"),
            BUSY, new Page("503", "busy", "<meta http-equiv=\"refresh\" content=\"5\"/>"),
            NOT_FOUND, new Page("404", "notFound", ""));

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
            page = new Page(String.valueOf(code), REFUSED, "");
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
        // Every value is fixed above, one of our texts (escaped), or checked: the reference is eight hex digits.
        Texts texts = Texts.of(request);
        response.getWriter()
                .write(layout().replace("{{head}}", page.head())
                        .replace("{{lang}}", Html.escape(texts.get("site.lang")))
                        .replace("{{code}}", page.code())
                        .replace("{{heading}}", Html.escape(texts.get("error." + page.name() + ".title")))
                        .replace("{{text}}", Html.escape(texts.get("error." + page.name() + ".text")))
                        .replace("{{site}}", Html.escape(texts.get("site.name")))
                        .replace("{{home}}", Html.escape(texts.get("site.home")))
                        .replace("{{quote}}", Html.escape(texts.get("error.quote")))
                        .replace("{{back}}", Html.escape(texts.get("error.back")))
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
