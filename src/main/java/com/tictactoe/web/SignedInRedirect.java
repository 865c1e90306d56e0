package com.tictactoe.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signs a person in from a Faces action and sends them on to the page they came for. */
final class SignedInRedirect {

    private SignedInRedirect() {
    }

    static void signInAndGo(String username) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        PlayerSession.signIn((HttpServletRequest) external.getRequest(), username);
        String to = external.getRequestParameterMap().get("to");
        external.redirect(external.getRequestContextPath() + (ReturnAddress.isSafe(to) ? to : "/"));
        faces.responseComplete();
    }
}
