package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tictactoe.application.GameFacade;
import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.testsupport.GameServer;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** With nothing listening at the endpoint, every use case reports the store as unavailable. */
class StoreOutageTest {

    @Test
    void anUnreachableStoreIsReportedAsUnavailable() {
        DynamoDbSettings settings = new DynamoDbSettings(
                Optional.of(URI.create("http://127.0.0.1:" + DynamoDbLocal.freePort())),
                Optional.empty(),
                "Games",
                "Users",
                false);
        try (DynamoDbClient client = DynamoDbClients.create(settings);
                GameServer server = GameServer.over(
                        new DynamoGameDao(client, "Games", "Records", ForkJoinPool.commonPool()),
                        new DynamoAccountDao(client, "Users"))) {
            GameFacade facade = server.facade();
            assertThrows(StoreUnavailableException.class, () -> facade.create("alice", "bob"));
            assertThrows(StoreUnavailableException.class, () -> facade.game("6f1c2d6e-5a0b-4c8e-9a51-0e6f1b2c3d4e"));
            assertThrows(StoreUnavailableException.class, () -> facade.move("6f1c2d6e-5a0b", "alice", "TopLeft"));
            assertThrows(StoreUnavailableException.class, () -> facade.lobby("alice"));
        }
    }

    @Test
    void aMissingTableIsReportedAsUnavailable() {
        DynamoDbSettings settings = new DynamoDbSettings(
                Optional.of(URI.create(com.tictactoe.testsupport.DynamoDbLocalSession.endpoint())),
                Optional.empty(),
                "NoSuchTable",
                "Users",
                false);
        try (DynamoDbClient client = DynamoDbClients.create(settings);
                GameServer server = GameServer.over(
                        new DynamoGameDao(client, "NoSuchTable", "NoSuchRecords", ForkJoinPool.commonPool()),
                        new DynamoAccountDao(client, "NoSuchTable"))) {
            GameFacade facade = server.facade();
            assertThrows(StoreUnavailableException.class, () -> facade.lobby("alice"));
        }
    }
}
