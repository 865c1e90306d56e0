package com.tictactoe.web.accounts;

import com.tictactoe.application.GameMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Counts the HTTP sessions this server creates and holds, so that an operator sees what they cost
 * and a test can show that visitors without an account create none.
 */
@WebListener
public class SessionCount implements HttpSessionListener {

    @Inject
    private GameMetrics metrics;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        metrics.sessionCreated();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        metrics.sessionEnded();
    }
}
