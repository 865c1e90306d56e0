package com.tictactoe.web.live;

import com.tictactoe.web.accounts.PlayerSession;
import com.tictactoe.web.api.ApiAnswer;
import com.tictactoe.web.api.ApiCall;
import com.tictactoe.web.api.ApiEndpoint;
import com.tictactoe.web.api.ApiRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The signed-in player's count of changes, which tells a polling lobby whether it is out of date
 * ({@code GET /api/me/changes}); it costs no read at all.
 */
@ApplicationScoped
public class PlayerChangesEndpoint implements ApiEndpoint {

    @Inject
    private LiveUpdates updates;

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "me/changes";
    }

    @Override
    public ApiAnswer answer(ApiCall call) {
        String name =
                PlayerSession.playerOf(call.request()).orElseThrow(() -> new ApiRefusal(ApiRefusal.NOT_SIGNED_IN));
        return ApiAnswer.ok(Map.of("changes", updates.changesOf(name)));
    }
}
