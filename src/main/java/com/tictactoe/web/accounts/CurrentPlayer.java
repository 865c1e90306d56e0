package com.tictactoe.web.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in player of this request. */
@Named
@RequestScoped
public class CurrentPlayer {

    @Inject
    private HttpServletRequest request;

    public String getName() {
        return PlayerSession.playerOf(request).orElse(null);
    }

    public boolean isSignedIn() {
        return getName() != null;
    }
}
