package com.tictactoe.web.game;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.web.FormToken;
import com.tictactoe.web.Texts;
import com.tictactoe.web.accounts.CurrentPlayer;
import com.tictactoe.web.live.GameUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A click on a square, as the game page's script sends it: the move is made by the same use case as
 * the page's form, and answered with the game as {@link GameUpdate} has it, which the page shows
 * without rendering anything on the server. A page without script posts its form instead.
 *
 * <p>Only the player's own page can send it: the request must carry the session's
 * {@link FormToken} in a header, which another site's page can neither read nor set.
 */
@Path("games/{id}/moves/{square}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MovesResource {

    @Inject
    private GameFacade games;

    @Inject
    private CurrentPlayer player;

    @Context
    private HttpServletRequest request;

    /** 200 with the game after the move; 409 with the reason a move is refused, nothing written. */
    @POST
    public Response move(@PathParam("id") String gameId, @PathParam("square") String square) {
        String name = player.getName();
        if (name == null) {
            throw new WebApplicationException(Response.Status.UNAUTHORIZED);
        }
        if (!FormToken.sentInHeader(request)) {
            throw new WebApplicationException(Response.Status.FORBIDDEN);
        }
        try {
            return Response.ok(GameUpdate.of(games.move(gameId, name, square))).build();
        } catch (GameRuleException refused) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of(
                            "error",
                            Texts.of(request).refusal(refused),
                            "reason",
                            refused.rejection().name()))
                    .build();
        }
    }
}
