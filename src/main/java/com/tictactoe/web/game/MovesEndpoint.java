package com.tictactoe.web.game;

import com.tictactoe.application.GameFacade;
import com.tictactoe.web.FormToken;
import com.tictactoe.web.api.ApiAnswer;
import com.tictactoe.web.api.ApiCall;
import com.tictactoe.web.api.ApiEndpoint;
import com.tictactoe.web.live.GameUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A click on a square, as the game page's script sends it ({@code POST
 * /api/games/{id}/moves/{square}}): the move is made by the same use case as the page's form, and
 * answered with the game as {@link GameUpdate} has it, which the page shows without rendering
 * anything on the server. A page without script posts its form instead.
 *
 * <p>Only the player's own page can send it: the request must carry the session's
 * {@link FormToken} in a header, which another site's page can neither read nor set.
 */
@ApplicationScoped
public class MovesEndpoint implements ApiEndpoint {

    @Inject
    private GameFacade games;

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "games/" + ANY + "/moves/" + ANY;
    }

    /** 200 with the game after the move; 409 with the reason a move is refused, nothing written. */
    @Override
    public ApiAnswer answer(ApiCall call) {
        String name = call.playerFromPage();
        return ApiAnswer.unlessRefused(
                call.request(), () -> ApiAnswer.ok(GameUpdate.of(games.move(call.value(0), name, call.value(1)))));
    }
}
