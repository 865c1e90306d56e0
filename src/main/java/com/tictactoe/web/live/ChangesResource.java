package com.tictactoe.web.live;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.web.accounts.CurrentPlayer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Version numbers that tell a polling page whether it is out of date. A game's comes from what
 * this server knows (read from DynamoDB at most once every two seconds per game, however many
 * pages poll); a player's count of changes costs no read at all.
 */
@Path("/")
@ApplicationScoped // one instance: its collaborators are made once, not on every poll
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    @Inject
    private GameFacade games;

    @Inject
    private LiveUpdates updates;

    @Inject
    private CurrentPlayer player;

    @GET
    @Path("games/{id}/version")
    public Map<String, Object> gameVersion(@PathParam("id") String gameId) {
        signedIn();
        Game game = games.game(gameId).orElseThrow(NotFoundException::new);
        return Map.of("version", game.progress(), "status", game.status().name());
    }

    @GET
    @Path("me/changes")
    public Map<String, Object> myChanges() {
        return Map.of("changes", updates.changesOf(signedIn()));
    }

    private String signedIn() {
        String name = player.getName();
        if (name == null) {
            throw new WebApplicationException(Response.Status.UNAUTHORIZED);
        }
        return name;
    }
}
