package com.tictactoe.web.live;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.Game;
import com.tictactoe.web.accounts.PlayerSession;
import com.tictactoe.web.api.ApiAnswer;
import com.tictactoe.web.api.ApiCall;
import com.tictactoe.web.api.ApiEndpoint;
import com.tictactoe.web.api.ApiRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A game's version, which tells a polling page whether it is out of date ({@code GET
 * /api/games/{id}/version}). It comes from what this server knows: read from DynamoDB at most once
 * every two seconds per game, however many pages poll.
 */
@ApplicationScoped
public class GameVersionEndpoint implements ApiEndpoint {

    @Inject
    private GameFacade games;

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "games/" + ANY + "/version";
    }

    @Override
    public ApiAnswer answer(ApiCall call) {
        if (PlayerSession.playerOf(call.request()).isEmpty()) {
            throw new ApiRefusal(ApiRefusal.NOT_SIGNED_IN);
        }
        Game game = games.game(call.value(0)).orElseThrow(() -> new ApiRefusal(ApiRefusal.NOT_FOUND));
        return ApiAnswer.ok(
                Map.of("version", game.progress(), "status", game.status().name()));
    }
}
