package com.tictactoe.web.errors;

import com.tictactoe.web.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Every refusal of the JSON API answers in JSON, with the request's reference, never an HTML page. */
@Provider
public class ApiErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> TEXTS = Map.of(
            401, "api.signIn",
            403, "error.expired",
            404, "api.notFound",
            405, "api.method",
            406, "api.json");

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String message =
                Texts.of(request).get(TEXTS.getOrDefault(status, status >= 500 ? "api.failed" : "api.refused"));
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message, "status", status, "reference", RequestIds.of(request)))
                .build();
    }
}
