package com.tictactoe.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signs the player out and ends the session. */
@Named
@RequestScoped
public class SignOut {

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        PlayerSession.signOut((HttpServletRequest) external.getRequest());
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?signedOut=true");
    }
}
