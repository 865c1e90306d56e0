package com.tictactoe.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/** The signed-in player of this request. */
@Named
@RequestScoped
public class CurrentPlayer {

    @Inject
    private SecurityContext security;

    public String getName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public boolean isSignedIn() {
        return getName() != null;
    }
}
