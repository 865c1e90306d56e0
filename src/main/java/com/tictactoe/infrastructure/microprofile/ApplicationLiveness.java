package com.tictactoe.infrastructure.microprofile;

import com.tictactoe.infrastructure.MicroProfileAdapters;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * GET /health/live: UP while the application answers at all. It does not look at DynamoDB on
 * purpose: an orchestrator restarts a server whose liveness fails, and restarting every server
 * during a DynamoDB outage would only add their start-up to the outage. {@link MicroProfileAdapters}
 * makes it a {@code @Liveness} bean where the server has MicroProfile Health.
 */
public class ApplicationLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("application");
    }
}
