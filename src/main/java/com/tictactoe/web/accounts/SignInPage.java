package com.tictactoe.web.accounts;

import com.tictactoe.application.AccountService;
import com.tictactoe.application.SignInResult;
import com.tictactoe.application.SignInTokens;
import com.tictactoe.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The sign-in form. */
@Named("signIn")
@RequestScoped
public class SignInPage {

    @Inject
    private AccountService accounts;

    @Inject
    private SignInTokens tokens;

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
        SignInResult result = accounts.verify(name, password == null ? "" : password, ClientAddress.current());
        if (result.player().isPresent()) {
            SignedInRedirect.signInAndGo(result.player().get(), tokens);
        } else if (result.refusal().isPresent()) {
            Messages.error(
                    result.refusal().get().limit().key(), result.refusal().get().retryAfter());
        } else {
            Messages.error("signIn.wrong");
        }
        return null;
    }

    /** The page to return to after signing in, if it is one of this site's. */
    public String getReturnTo() {
        return ReturnAddress.requested();
    }
}
