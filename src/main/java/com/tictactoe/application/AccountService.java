package com.tictactoe.application;

import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.UserIds;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;

/** Sign-up, password checks and looking up players by name. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** Hashing is deliberately slow; a bound keeps a huge "password" from costing more. */
    public static final int MAX_PASSWORD_LENGTH = 128;

    @Inject
    private AccountRepository accounts;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private SignInThrottle throttle;

    /**
     * Checked when there is no such account, so that a wrong name takes as long as a wrong
     * password. Computed once: every pooled instance would otherwise pay a full PBKDF2 run.
     */
    private static volatile String unknownAccountHash;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "120000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        if (unknownAccountHash == null) {
            unknownAccountHash = passwordHash.generate("no account has this password".toCharArray());
        }
    }

    /** Creates the account and returns its username, or says why it cannot. */
    public String signUp(String username, String password) {
        String name = username == null ? "" : username.trim();
        if (!UserIds.isValid(name)) {
            throw new SignUpException(UserIds.isReserved(name)
                    ? "That username is reserved. Please choose another."
                    : "A username has 3 to 20 letters, digits, '_' or '-'.");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new SignUpException("A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new SignUpException("A password has at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (!accounts.create(new Account(name, passwordHash.generate(password.toCharArray())))) {
            throw new SignUpException("That username is taken. Please choose another.");
        }
        return name;
    }

    /**
     * The account's username as it signed up, if the password is right and the account is not
     * waiting out earlier failures. Counts failures for the throttle.
     */
    public Optional<String> verify(String username, String password) {
        if (username == null || password == null || !UserIds.isValid(username.trim())
                || password.length() > MAX_PASSWORD_LENGTH || !throttle.waitFor(username.trim()).isZero()) {
            return Optional.empty();
        }
        String name = username.trim();
        Optional<Account> account = accounts.find(name);
        boolean matches = passwordHash.verify(password.toCharArray(),
                account.map(Account::passwordHash).orElse(unknownAccountHash));
        if (account.isPresent() && matches) {
            throttle.succeeded(name);
            return Optional.of(account.get().username());
        }
        throttle.failed(name);
        return Optional.empty();
    }

    /** The registered username, as it signed up, matching {@code username} ignoring case. */
    public Optional<String> registeredName(String username) {
        if (username == null || !UserIds.isValid(username.trim())) {
            return Optional.empty();
        }
        return accounts.find(username.trim()).map(Account::username);
    }
}
