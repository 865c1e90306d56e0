package com.tictactoe.web.lobby;

import com.tictactoe.application.GameFacade;
import com.tictactoe.web.api.ApiAnswer;
import com.tictactoe.web.api.ApiCall;
import com.tictactoe.web.api.ApiEndpoint;
import com.tictactoe.web.game.GamePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Accept, in a row of the lobby's invitations, as its script sends it ({@code POST
 * /api/games/{id}/acceptance}): the game starts as the lobby's form would start it, and the answer
 * is the address of its page, which the script opens. A second click finds the game started by
 * the first and is answered the same. A refusal (an invitation withdrawn, expired, or not to this
 * player) is 409 with its reason; nothing is written.
 */
@ApplicationScoped
public class AcceptanceEndpoint implements ApiEndpoint {

    @Inject
    private GameFacade games;

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "games/" + ANY + "/acceptance";
    }

    @Override
    public ApiAnswer answer(ApiCall call) {
        String guest = call.playerFromPage();
        String gameId = call.value(0);
        return ApiAnswer.unlessRefused(call.request(), () -> {
            games.accept(gameId, guest);
            return GamePage.opened(call.request(), gameId);
        });
    }
}
