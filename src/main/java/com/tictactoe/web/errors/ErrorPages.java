package com.tictactoe.web.errors;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error pages, with the request's reference on them. Plain HTML from a servlet: they must
 * show even when Faces is what failed.
 */
@WebServlet(urlPatterns = {ErrorPages.ERROR, ErrorPages.UNAVAILABLE})
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String ERROR = "/error";
    public static final String UNAVAILABLE = "/unavailable";

    private final Map<String, String> templates = new ConcurrentHashMap<>();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String page = request.getServletPath().equals(UNAVAILABLE) ? "unavailable" : "error";
        String ref = request.getParameter("ref");
        if (!RequestIds.isWellFormed(ref)) {
            ref = RequestIds.of(request);
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Request-Id", ref);
        response.getWriter().write(template(page)
                .replace("{{base}}", request.getContextPath())
                .replace("{{ref}}", ref));
    }

    private String template(String page) {
        return templates.computeIfAbsent(page, name -> {
            try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/errors/" + name + ".html")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Where an AJAX request that failed sends its page, keeping the reference. */
    public static String errorAddress(HttpServletRequest request) {
        return request.getContextPath() + ERROR + "?ref=" + RequestIds.of(request);
    }
}
