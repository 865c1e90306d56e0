package com.tictactoe.web.errors;

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

    private static final Map<Integer, String> MESSAGES = Map.of(
            401, "Please sign in.",
            403, "This page has expired. Please reload it.",
            404, "There is nothing here.",
            405, "This address does not take that method.",
            406, "This address answers in JSON only.");

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String message =
                MESSAGES.getOrDefault(status, status >= 500 ? "Something went wrong." : "The request was refused.");
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message, "status", status, "reference", RequestIds.of(request)))
                .build();
    }
}
