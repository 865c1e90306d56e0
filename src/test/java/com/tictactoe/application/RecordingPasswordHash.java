package com.tictactoe.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the app's PBKDF2 hashes, fast: a salted SHA-256 written as
 * {@code fast-sha256:salt:digest}. It counts the hashes it computes, so that a test can see which
 * requests cost a hash. {@link PasswordHashesTest} tests the real one.
 */
public class RecordingPasswordHash extends PasswordHashes {

    public static final String PREFIX = "fast-sha256:";
    public static final AtomicInteger GENERATED = new AtomicInteger();
    public static final AtomicInteger VERIFIED = new AtomicInteger();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String generate(char[] password) {
        GENERATED.incrementAndGet();
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        return encode(Base64.getEncoder().encodeToString(salt), password);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        VERIFIED.incrementAndGet();
        String[] parts = hashedPassword.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a hash of this kind: " + hashedPassword);
        }
        return encode(parts[1], password).equals(hashedPassword);
    }

    private static String encode(String salt, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.US_ASCII));
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return PREFIX + salt + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
