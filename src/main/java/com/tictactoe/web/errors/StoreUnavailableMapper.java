package com.tictactoe.web.errors;

import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.web.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** An unreachable DynamoDB is a 503 that tells the poller to retry, not a server error. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", Texts.of(request).get("api.unavailable")))
                .build();
    }
}
