package com.tictactoe.web.game;

import com.tictactoe.web.Texts;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The answer of a game page for a game that does not exist: a 404 with the player's text. */
final class GameNotFound {

    private GameNotFound() {}

    static void answer() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext()
                .responseSendError(
                        HttpServletResponse.SC_NOT_FOUND, Texts.current().get("game.notFound"));
        faces.responseComplete();
    }
}
