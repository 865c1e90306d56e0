package com.tictactoe.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** On a server without MicroProfile Metrics; {@link MicroProfileAdapters} replaces it where there is. */
@ApplicationScoped
public class UncountedDynamoCalls implements DynamoCallMetrics {

    @Override
    public void succeeded(String operation, Duration took) {
        // nowhere to count it
    }

    @Override
    public void failed(String operation, Duration took, String error) {
        // nowhere to count it
    }
}
