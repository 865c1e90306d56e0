package com.tictactoe.web;

import com.tictactoe.application.AccountService;
import com.tictactoe.application.SignInTokens;
import com.tictactoe.application.SignInThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The sign-in form. */
@Named("signIn")
@RequestScoped
public class SignInPage {

    @Inject
    private AccountService accounts;

    @Inject
    private SignInTokens tokens;

    @Inject
    private SignInThrottle throttle;

    private String username;
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String signIn() throws IOException {
        String name = username == null ? "" : username.trim();
        Duration wait = throttle.waitFor(name);
        if (!wait.isZero()) {
            Messages.error("Too many failed attempts for this account. Please try again in "
                    + Math.max(1, wait.toSeconds()) + " seconds.");
            return null;
        }
        Optional<String> player = accounts.verify(name, password == null ? "" : password);
        if (player.isPresent()) {
            SignedInRedirect.signInAndGo(player.get(), tokens);
        } else {
            Messages.error("Wrong username or password.");
        }
        return null;
    }

    /** The page to return to after signing in, if it is one of this site's. */
    public String getReturnTo() {
        String to = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("to");
        return ReturnAddress.isSafe(to) ? to : "";
    }
}
