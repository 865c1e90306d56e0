package com.tictactoe.web.accounts;

import com.tictactoe.application.SignInTokens;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signs a person in from a Faces action and sends them on to the page they came for. */
final class SignedInRedirect {

    private SignedInRedirect() {}

    static void signInAndGo(String username, SignInTokens tokens) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        PlayerSession.signIn(request, username);
        SignInCookie.set(request, (HttpServletResponse) external.getResponse(), tokens.issue(username));
        String to = external.getRequestParameterMap().get("to");
        external.redirect(external.getRequestContextPath() + (ReturnAddress.isSafe(to) ? to : "/"));
        faces.responseComplete();
    }
}
