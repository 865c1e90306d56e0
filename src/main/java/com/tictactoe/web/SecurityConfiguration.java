package com.tictactoe.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Form sign-in on our own page; every page but sign-in and sign-up needs the player role. */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(
                loginPage = "/signin.xhtml",
                errorPage = "",
                useForwardToLogin = false))
@DeclareRoles(SecurityConfiguration.PLAYER)
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {

    public static final String PLAYER = "player";
}
