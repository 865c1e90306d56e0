package com.tictactoe.application;

import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.UserIds;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** Sign-up, password checks and looking up players by name. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** Hashing is deliberately slow; a bound keeps a huge "password" from costing more. */
    public static final int MAX_PASSWORD_LENGTH = 128;

    /** Shared by every pooled instance: sign-ins at one account from one client take turns (see SignInTurns). */
    private static final SignInTurns TURNS = new SignInTurns(Duration.ofSeconds(5));

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHashes passwordHash;

    @Inject
    private AttemptLimits limits;

    @Inject
    private GameMetrics metrics = GameMetrics.NONE;

    /**
     * Checked when there is no such account, so that a wrong name takes as long as a wrong
     * password. Computed once: every pooled instance would otherwise pay a full PBKDF2 run.
     */
    private static volatile String unknownAccountHash;

    @PostConstruct
    void prepareUnknownAccountHash() {
        if (unknownAccountHash == null) {
            unknownAccountHash = passwordHash.generate("no account has this password".toCharArray());
        }
    }

    /**
     * Creates the account and returns its username, or says why it cannot. A sign-up by
     * {@code clientAddress} that passes the checks of name and password is counted by the sign-up
     * limits before the password is hashed.
     */
    public String signUp(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.trim();
        if (!UserIds.isValid(name)) {
            throw new SignUpException(UserIds.isReserved(name) ? "signUp.usernameReserved" : "signUp.usernameInvalid");
        }
        checkPolicy(name, password);
        AttemptLimits.Refusal refusal = limits.startSignUp(clientAddress);
        if (refusal != null) {
            throw new SignUpException(refusal.limit().key(), refusal.retryAfter());
        }
        if (!accounts.create(new Account(name, passwordHash.generate(password.toCharArray())))) {
            throw new SignUpException("signUp.usernameTaken");
        }
        return name;
    }

    /**
     * Refuses passwords that are empty, only spaces, shorter than {@value #MIN_PASSWORD_LENGTH}
     * characters without the spaces at either end, longer than {@value #MAX_PASSWORD_LENGTH}, the
     * username, or among the most common ones. The password is kept as typed, spaces included.
     */
    static void checkPolicy(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new SignUpException("signUp.passwordMissing");
        }
        if (password.isBlank()) {
            throw new SignUpException("signUp.passwordBlank");
        }
        String core = password.strip();
        if (core.codePointCount(0, core.length()) < MIN_PASSWORD_LENGTH) {
            throw new SignUpException("signUp.passwordShort", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new SignUpException("signUp.passwordLong", MAX_PASSWORD_LENGTH);
        }
        if (core.equalsIgnoreCase(username)) {
            throw new SignUpException("signUp.passwordIsUsername");
        }
        if (CommonPasswords.contains(password)) {
            throw new SignUpException("signUp.passwordCommon");
        }
    }

    /**
     * Signs in {@code username} from {@code clientAddress}: the account's username as it signed
     * up if the password is right. The attempt is counted by the sign-in limits before the password
     * is hashed, and refused there if a limit is reached; a right password takes its count back.
     * Attempts at one account from one client are checked one after the other on this server, so
     * that right passwords sent at once are not counted as failures while in flight.
     */
    public SignInResult verify(String username, String password, String clientAddress) {
        if (username == null
                || password == null
                || !UserIds.isValid(username.trim())
                || password.length() > MAX_PASSWORD_LENGTH) {
            metrics.signIn(GameMetrics.SignIn.REFUSED);
            return SignInResult.wrong();
        }
        String name = username.trim();
        SignInTurns.Turn turn = TURNS.take(AttemptLimits.pairOf(clientAddress, name));
        if (turn == null) {
            metrics.signIn(GameMetrics.SignIn.LIMITED);
            return SignInResult.refused(new AttemptLimits.Refusal(
                    AttemptLimits.Limit.SIMULTANEOUS_SIGN_INS, AttemptLimits.Limit.SIMULTANEOUS_SIGN_INS.window()));
        }
        try {
            AttemptLimits.SignInAttempt attempt = limits.startSignIn(clientAddress, name);
            if (attempt.refusal() != null) {
                metrics.signIn(GameMetrics.SignIn.LIMITED);
                return SignInResult.refused(attempt.refusal());
            }
            Optional<Account> account = accounts.find(name);
            boolean matches = passwordHash.verify(
                    password.toCharArray(), account.map(Account::passwordHash).orElse(unknownAccountHash));
            if (account.isPresent() && matches) {
                attempt.succeeded();
                metrics.signIn(GameMetrics.SignIn.SUCCEEDED);
                return SignInResult.signedIn(account.get().username());
            }
        } finally {
            turn.end();
        }
        metrics.signIn(GameMetrics.SignIn.REFUSED);
        return SignInResult.wrong();
    }
}
