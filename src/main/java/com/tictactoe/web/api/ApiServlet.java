package com.tictactoe.web.api;

import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.web.Texts;
import com.tictactoe.web.errors.Causes;
import com.tictactoe.web.errors.RequestIds;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers {@code /api/...}: finds the {@link ApiEndpoint} for the path and method, and writes what
 * it answers as JSON ({@link JsonText}). Every refusal and failure is answered in JSON too, worded
 * in the player's language, with the request's reference, never as an HTML page.
 *
 * <p>Why a servlet and not JAX-RS: the API is a few fixed addresses that pages call many times a
 * game (each move and each catch-up poll), and Jersey's routing, filtering and entity writing around
 * them took about a tenth of the server's CPU in whole games (JFR).
 */
@WebServlet(urlPatterns = "/api/*", loadOnStartup = 1, asyncSupported = true)
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Map<Integer, String> TEXTS = Map.of(
            401, "api.signIn",
            403, "error.expired",
            404, "api.notFound",
            405, "api.method",
            406, "api.json");

    @Inject
    @Any
    private transient Instance<ApiEndpoint> endpoints;

    private transient List<Route> routes;

    @Override
    public void init() {
        List<Route> found = new ArrayList<>();
        for (ApiEndpoint endpoint : endpoints) {
            found.add(new Route(endpoint));
        }
        routes = List.copyOf(found);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> segments = segments(request.getPathInfo());
        List<Route> atPath =
                routes.stream().filter(route -> route.matches(segments)).toList();
        Optional<Route> route = atPath.stream()
                .filter(candidate -> candidate.endpoint().method().equals(request.getMethod()))
                .findFirst();
        ApiAnswer answer;
        if (atPath.isEmpty()) {
            answer = refusal(request, ApiRefusal.NOT_FOUND);
        } else if (route.isEmpty()) {
            response.setHeader(
                    "Allow",
                    atPath.stream().map(r -> r.endpoint().method()).distinct().collect(Collectors.joining(", ")));
            answer = refusal(request, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        } else if (!acceptsJson(request.getHeader("Accept"))) {
            answer = refusal(request, HttpServletResponse.SC_NOT_ACCEPTABLE);
        } else {
            answer = answer(request, response, route.get(), segments);
        }
        write(response, answer);
    }

    private static ApiAnswer answer(
            HttpServletRequest request, HttpServletResponse response, Route route, List<String> segments) {
        try {
            return route.endpoint().answer(new ApiCall(request, route.values(segments)));
        } catch (ApiRefusal refused) {
            return refusal(request, refused.status());
        } catch (RuntimeException failed) {
            if (Causes.causedBy(failed, StoreUnavailableException.class)) {
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                return error(request, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "api.unavailable");
            }
            RequestIds.failed(request, failed);
            return error(request, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "api.failed");
        }
    }

    /**
     * A refusal answered before a call reaches this servlet (a filter's), written as every answer of
     * the API is: JSON in the player's language, with the request's reference.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String text)
            throws IOException {
        write(response, error(request, status, text));
    }

    private static ApiAnswer refusal(HttpServletRequest request, int status) {
        return error(request, status, TEXTS.getOrDefault(status, "api.refused"));
    }

    private static ApiAnswer error(HttpServletRequest request, int status, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", Texts.of(request).get(text));
        body.put("status", status);
        body.put("reference", RequestIds.of(request));
        return new ApiAnswer(status, body);
    }

    private static void write(HttpServletResponse response, ApiAnswer answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonText.of(answer.body()));
    }

    /** The path's segments; an empty one (two slashes in a row) matches no endpoint. */
    static List<String> segments(String pathInfo) {
        if (pathInfo == null || pathInfo.length() <= 1) {
            return List.of();
        }
        return List.of(pathInfo.substring(1).split("/", -1));
    }

    /** No Accept header, or one that takes JSON or anything. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")) {
                return true;
            }
        }
        return false;
    }

    /** An endpoint's path, split into segments once. */
    record Route(ApiEndpoint endpoint, List<String> pattern) {

        Route(ApiEndpoint endpoint) {
            this(endpoint, List.of(endpoint.path().split("/")));
        }

        boolean matches(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String expected = pattern.get(i);
                String actual = segments.get(i);
                if (actual.isEmpty() || !(expected.equals(ApiEndpoint.ANY) || expected.equals(actual))) {
                    return false;
                }
            }
            return true;
        }

        List<String> values(List<String> segments) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < pattern.size(); i++) {
                if (pattern.get(i).equals(ApiEndpoint.ANY)) {
                    values.add(segments.get(i));
                }
            }
            return values;
        }
    }
}
