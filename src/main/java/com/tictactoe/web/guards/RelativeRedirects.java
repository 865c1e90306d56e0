package com.tictactoe.web.guards;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * Redirects name a path on this site, never a host: the server would otherwise build the address
 * from the request's Host header, which the client chooses.
 */
public class RelativeRedirects extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) {
                if (isCommitted()) {
                    throw new IllegalStateException("The response is already committed");
                }
                resetBuffer();
                setStatus(HttpServletResponse.SC_FOUND);
                setHeader("Location", pathOf(location, request));
            }
        });
    }

    /** The path and query of {@code location}, resolved against the request for a relative one. */
    static String pathOf(String location, HttpServletRequest request) {
        URI target = URI.create(request.getRequestURI()).resolve(URI.create(location));
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        if (path.startsWith("//")) {
            path = "/" + path.replaceFirst("^/+", "");
        }
        return path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }
}
