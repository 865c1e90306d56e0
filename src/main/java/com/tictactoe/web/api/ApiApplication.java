package com.tictactoe.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Small read-only JSON endpoints that pages poll when they cannot hold a websocket. */
@ApplicationPath("api")
public class ApiApplication extends Application {

    /** Jersey would otherwise describe every endpoint, and itself, at /api/application.wadl. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
