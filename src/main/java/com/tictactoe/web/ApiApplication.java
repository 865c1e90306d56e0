package com.tictactoe.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * Small JSON endpoints for the pages' script: the versions pages poll when they cannot hold a
 * websocket, and the moves a game page sends.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {

    /** Jersey would otherwise describe every endpoint, and itself, at /api/application.wadl. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
