package com.tictactoe.infrastructure.microprofile;

import com.tictactoe.infrastructure.DynamoDbResources;
import com.tictactoe.infrastructure.MicroProfileAdapters;
import com.tictactoe.infrastructure.StoreProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * GET /health/ready: DOWN (503) while DynamoDB or one of the tables does not answer, so that load
 * balancers send players elsewhere. Only the check's name and UP/DOWN are published, never an
 * endpoint, table name or error. {@link MicroProfileAdapters} makes it a {@code @Readiness} bean
 * where the server has MicroProfile Health; see there also why it carries no annotation and
 * injects nothing of the application's.
 */
public class DynamoDbReadiness implements HealthCheck {

    private StoreProbe probe;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dynamodb").status(probe().ready()).build();
    }

    private synchronized StoreProbe probe() {
        if (probe == null) {
            probe = DynamoDbResources.readinessProbe();
        }
        return probe;
    }

    /** When the application stops ({@code @PreDestroy}, given by {@link MicroProfileAdapters}). */
    public synchronized void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
