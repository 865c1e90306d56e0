package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Lobby;
import com.tictactoe.domain.Rejection;
import com.tictactoe.testsupport.Deployments;
import com.tictactoe.web.errors.FailedRequestLog;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR on Payara Micro against DynamoDB Local, tested from inside: the EJB plays a
 * whole game, and a failed request leaves one log line.
 */
@ExtendWith(ArquillianExtension.class)
class GameFacadeInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarForInContainerTests();
    }

    @Inject
    GameFacade facade;

    @Inject
    AccountRepository accounts;

    @Test
    void theInjectedFacadePlaysAWholeGame() {
        accounts.create(new Account("ida", "not-a-real-hash"));
        accounts.create(new Account("jon", "not-a-real-hash"));
        GameRuleException unknown = assertThrows(GameRuleException.class, () -> facade.create("ida", "nobody"));
        assertEquals(Rejection.NO_SUCH_PLAYER, unknown.rejection(), "only registered players are invited");
        Game game = facade.create("ida", "jon");
        assertEquals(GameStatus.PENDING, game.status());
        assertEquals(game.gameId(), facade.lobby("jon").invitations().get(0).gameId());

        Game started = facade.accept(game.gameId(), "jon");
        assertEquals("ida", started.turn());
        String[] moves = {
            "MiddleMiddle",
            "TopLeft",
            "TopRight",
            "BottomLeft",
            "MiddleLeft",
            "MiddleRight",
            "TopMiddle",
            "BottomMiddle",
            "BottomRight"
        };
        Game current = started;
        for (String square : moves) {
            current = facade.move(game.gameId(), current.turn(), square);
        }
        assertEquals(GameStatus.FINISHED, current.status());
        assertTrue(current.isDraw(), current.board().toString());

        // Refusals cross the EJB boundary as themselves, not wrapped.
        GameRuleException refused =
                assertThrows(GameRuleException.class, () -> facade.move(game.gameId(), "jon", "TopLeft"));
        assertEquals(Rejection.NOT_IN_PROGRESS, refused.rejection());

        Lobby lobby = facade.lobby("ida");
        assertEquals(game.gameId(), lobby.finished().get(0).gameId());
        assertTrue(lobby.inProgress().isEmpty());
    }

    @ArquillianResource
    URL base;

    /** Runs inside the server, so it can read the server's own log as it is written. */
    @Test
    void aFailedRequestIsLoggedOnceWithTheReferenceItAnswers() throws Exception {
        Logger log = Logger.getLogger(FailedRequestLog.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(recorder);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(base.toURI().resolve("api/me/changes"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> fine = http.send(
                    HttpRequest.newBuilder(base.toURI().resolve("signin.xhtml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = http.send(
                    HttpRequest.newBuilder(base.toURI().resolve("no-such-page")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            assertEquals(200, fine.statusCode());
            assertEquals(404, missing.statusCode());

            String reference = refused.headers().firstValue("X-Request-Id").orElseThrow();
            List<String> lines = records.stream().map(LogRecord::getMessage).toList();
            assertEquals(1, lines.size(), "only the failed request is logged, and once: " + lines);
            assertTrue(lines.get(0).contains("[ref " + reference + "] 401 GET"), lines.get(0));
        } finally {
            log.removeHandler(recorder);
        }
    }
}
