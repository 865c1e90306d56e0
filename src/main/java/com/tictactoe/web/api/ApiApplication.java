package com.tictactoe.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Small read-only JSON endpoints that pages poll when they cannot hold a websocket. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
