package com.tictactoe.web.lobby;

import com.tictactoe.application.GameFacade;
import com.tictactoe.web.api.ApiAnswer;
import com.tictactoe.web.api.ApiCall;
import com.tictactoe.web.api.ApiEndpoint;
import com.tictactoe.web.game.GamePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The lobby's Invite, as its script sends it ({@code POST /api/invitations?opponent=<name>}): the
 * same use case as the lobby's form, answered with the game and the address of its page, which
 * the script opens, instead of the lobby restored and run through Faces to redirect there. A
 * refusal is 409 with its reason, which the lobby shows; nothing is written. A page without
 * script posts its form instead.
 */
@ApplicationScoped
public class InvitationsEndpoint implements ApiEndpoint {

    @Inject
    private GameFacade games;

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "invitations";
    }

    @Override
    public ApiAnswer answer(ApiCall call) {
        String host = call.playerFromPage();
        String opponent = call.query("opponent").orElse("");
        return ApiAnswer.unlessRefused(
                call.request(),
                () -> GamePage.opened(
                        call.request(), games.create(host, opponent).gameId()));
    }
}
