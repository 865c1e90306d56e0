package com.tictactoe.application;

import com.tictactoe.domain.SignInTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Long-lived sign-ins: a random token in the player's browser, only its hash in DynamoDB, so a
 * leaked table signs nobody in. With it a player stays signed in when their server restarts or
 * the next request lands on another server.
 */
@ApplicationScoped
public class SignInTokens {

    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    private SignInTokenRepository tokens;

    private final SecureRandom random = new SecureRandom();

    /** A new token that signs the player in until it expires or they sign out. */
    public String issue(String username) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.store(hash(token), username, Instant.now().plus(LIFETIME));
        return token;
    }

    public Optional<String> playerFor(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        return tokens.usernameFor(hash(token), Instant.now());
    }

    public void revoke(String token) {
        if (token != null && FORMAT.matcher(token).matches()) {
            tokens.delete(hash(token));
        }
    }

    /** What is stored of a token: its SHA-256, in hex. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
