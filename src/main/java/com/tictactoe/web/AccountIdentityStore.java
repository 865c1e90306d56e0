package com.tictactoe.web;

import com.tictactoe.application.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks usernames and passwords against the accounts in DynamoDB. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.verify(login.getCaller(), login.getPasswordAsString())
                .map(username -> new CredentialValidationResult(username, Set.of(SecurityConfiguration.PLAYER)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
