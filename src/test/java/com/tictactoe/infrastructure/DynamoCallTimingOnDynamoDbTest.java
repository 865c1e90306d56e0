package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.run.DynamoDbLocal;
import com.tictactoe.testsupport.DynamoDbLocalSession;
import com.tictactoe.testsupport.ThrottlingInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Every call of the client reaches the metrics once, by operation, with its time and its error. */
class DynamoCallTimingOnDynamoDbTest {

    private record Call(String operation, Duration took, String error) {}

    private static final class Recorded implements DynamoCallMetrics {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public void succeeded(String operation, Duration took) {
            calls.add(new Call(operation, took, null));
        }

        @Override
        public void failed(String operation, Duration took, String error) {
            calls.add(new Call(operation, took, error));
        }
    }

    private static DynamoDbSettings at(String endpoint) {
        return new DynamoDbSettings(Optional.of(URI.create(endpoint)), Optional.empty(), "Games", "Users", false);
    }

    @Test
    void callsAreRecordedByOperationWithTheirErrorCode() {
        Recorded metrics = new Recorded();
        String table = "Timed-" + UUID.randomUUID();
        try (DynamoDbClient client = DynamoDbClients.create(at(DynamoDbLocalSession.endpoint()), metrics, List.of())) {
            TableBootstrap.createMissing(client, List.of(GamesTable.definition(table)));
            metrics.calls.clear();
            client.getItem(get -> get.tableName(table).key(Map.of(GamesTable.GAME_ID, AttributeValue.fromS("x"))));
            assertThrows(
                    ResourceNotFoundException.class,
                    () -> client.getItem(get ->
                            get.tableName("NoSuchTable").key(Map.of(GamesTable.GAME_ID, AttributeValue.fromS("x")))));
        }
        assertEquals(
                List.of("GetItem", "GetItem"),
                metrics.calls.stream().map(Call::operation).toList());
        assertEquals(null, metrics.calls.get(0).error());
        assertEquals("ResourceNotFoundException", metrics.calls.get(1).error());
        assertTrue(metrics.calls.stream().allMatch(call -> call.took().toNanos() > 0));
    }

    @Test
    void aCallIsOneRecordWhateverItsRetriesAndItsTimeIncludesThem() {
        Recorded metrics = new Recorded();
        ThrottlingInterceptor throttling = new ThrottlingInterceptor();
        throttling.throttleAlways("ListTables");
        try (DynamoDbClient client =
                DynamoDbClients.create(at(DynamoDbLocalSession.endpoint()), metrics, List.of(throttling))) {
            assertThrows(ProvisionedThroughputExceededException.class, client::listTables);
        }
        assertEquals(DynamoDbClients.MAX_ATTEMPTS, throttling.attempts("ListTables"));
        assertEquals(
                List.of(new Call("ListTables", metrics.calls.get(0).took(), "ProvisionedThroughputExceededException")),
                metrics.calls);
        assertTrue(metrics.calls.get(0).took().toMillis() >= 700, "the backoff between attempts is part of the call");
    }

    @Test
    void noAnswerIsRecordedAsTheClientsException() {
        Recorded metrics = new Recorded();
        try (DynamoDbClient client =
                DynamoDbClients.create(at("http://127.0.0.1:" + DynamoDbLocal.freePort()), metrics, List.of())) {
            assertThrows(SdkClientException.class, client::listTables);
        }
        assertEquals(1, metrics.calls.size());
        assertEquals("SdkClientException", metrics.calls.get(0).error());
    }
}
