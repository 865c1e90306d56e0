package com.tictactoe.web.accounts;

import com.tictactoe.application.SignInTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signs the player out and ends the session. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    private SignInTokens tokens;

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SignInCookie.read(request).ifPresent(tokens::revoke);
        SignInCookie.clear(request, (HttpServletResponse) external.getResponse());
        PlayerSession.signOut(request);
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?signedOut=true");
    }
}
