package com.tictactoe.web.accounts;

import com.tictactoe.application.AccountService;
import com.tictactoe.application.SignInTokens;
import com.tictactoe.application.SignUpException;
import com.tictactoe.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The sign-up form: creates the account and signs the new player in. */
@Named("signUp")
@RequestScoped
public class SignUpPage {

    @Inject
    private AccountService accounts;

    @Inject
    private SignInTokens tokens;

    private String username;
    private String password;
    private String passwordAgain;

    public String signUp() throws IOException {
        if (isEmpty(password) && isEmpty(passwordAgain)) {
            Messages.error("signUp.passwordMissing");
            return null;
        }
        if (password == null || !password.equals(passwordAgain)) {
            Messages.error("signUp.passwordsDiffer");
            return null;
        }
        try {
            SignedInRedirect.signInAndGo(accounts.signUp(username, password, ClientAddress.current()), tokens);
        } catch (SignUpException refused) {
            Messages.error(refused.key(), refused.arguments());
        }
        return null;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

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

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }

    /** The page to return to once signed up (a challenge, say), if it is one of this site's. */
    public String getReturnTo() {
        return ReturnAddress.requested();
    }

    /** For the hint under the password field. */
    public int getMinPasswordLength() {
        return AccountService.MIN_PASSWORD_LENGTH;
    }
}
