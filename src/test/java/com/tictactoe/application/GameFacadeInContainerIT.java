package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Rejection;
import com.tictactoe.testsupport.Deployments;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged WAR on Payara Micro against DynamoDB Local: the EJB plays a whole game. */
@ExtendWith(ArquillianExtension.class)
class GameFacadeInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarForInContainerTests();
    }

    @Inject
    GameFacade facade;

    @Test
    void theInjectedFacadePlaysAWholeGame() {
        Game game = facade.create("ida", "jon");
        assertEquals(GameStatus.PENDING, game.status());
        assertEquals(game.gameId(), facade.lobby("jon").invitations().get(0).gameId());

        Game started = facade.accept(game.gameId(), "jon");
        assertEquals("ida", started.turn());
        String[] moves = {"MiddleMiddle", "TopLeft", "TopRight", "BottomLeft", "MiddleLeft", "MiddleRight",
                "TopMiddle", "BottomMiddle", "BottomRight"};
        Game current = started;
        for (String square : moves) {
            current = facade.move(game.gameId(), current.turn(), square);
        }
        assertEquals(GameStatus.FINISHED, current.status());
        assertTrue(current.isDraw(), current.board().toString());

        // Refusals cross the EJB boundary as themselves, not wrapped.
        GameRuleException refused = assertThrows(GameRuleException.class,
                () -> facade.move(game.gameId(), "jon", "TopLeft"));
        assertEquals(Rejection.NOT_IN_PROGRESS, refused.rejection());

        Lobby lobby = facade.lobby("ida");
        assertEquals(game.gameId(), lobby.finished().get(0).gameId());
        assertTrue(lobby.inProgress().isEmpty());
    }
}
