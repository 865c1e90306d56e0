package com.tictactoe.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2 password hashes computed by the JDK, written as
 * {@code PBKDF2WithHmacSHA256:120000:<salt>:<key>} (salt and key 32 bytes each, Base64): the
 * format of Jakarta Security's built-in {@code Pbkdf2PasswordHash}, which wrote the accounts
 * made before, so they still sign in.
 *
 * <p>The app no longer takes that bean from the server: WildFly defines it only for applications
 * that authenticate through Jakarta Security (an identity store or authentication mechanism),
 * which this one does not (see PlayerSession), and Open Liberty only with its appSecurity
 * feature. The deployment then failed on an unsatisfied dependency.
 */
@ApplicationScoped
public class PasswordHashes {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 120_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 32;
    /** Stored hashes are trusted data, yet a bound keeps a corrupted one from costing minutes. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private final SecureRandom random = new SecureRandom();

    /** A new hash of {@code password} with a fresh random salt. */
    public String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, ALGORITHM, ITERATIONS, KEY_BYTES));
    }

    /**
     * Whether {@code password} is the one {@code hash} was made from, with the algorithm, rounds,
     * salt and key length the hash names. False for a hash not in this format.
     */
    public boolean verify(char[] password, String hash) {
        String[] parts = hash == null ? new String[0] : hash.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmacSHA")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || key.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(key, derive(password, salt, parts[0], iterations, key.length));
        } catch (IllegalArgumentException | IllegalStateException notThisFormat) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, String algorithm, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
