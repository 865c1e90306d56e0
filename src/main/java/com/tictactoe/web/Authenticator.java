package com.tictactoe.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Signs a person in through Jakarta Security from a Faces action. */
@RequestScoped
public class Authenticator {

    @Inject
    private SecurityContext security;

    /** Tells whether the credentials were accepted; if so the response is already on its way. */
    public boolean signIn(String username, String password) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        HttpSession session = request.getSession(false);
        if (session != null) {
            // The signed-in session gets an id that nobody could have planted before.
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(username, password)));
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            if (!response.isCommitted()) {
                external.redirect(external.getRequestContextPath() + "/");
            }
            faces.responseComplete();
            return true;
        }
        return false;
    }
}
