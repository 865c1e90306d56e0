package com.tictactoe.application;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the container's PBKDF2 hash, fast: a salted SHA-256 written as
 * {@code algorithm;iterations;salt size;key size:salt:digest} with the settings it was initialized with, so a test
 * can see which settings the application chose. Like the real one it refuses to work before it
 * is initialized, and it counts the hashes it computes.
 */
public class RecordingPasswordHash implements Pbkdf2PasswordHash {

    public static final AtomicInteger GENERATED = new AtomicInteger();
    public static final AtomicInteger VERIFIED = new AtomicInteger();

    private final SecureRandom random = new SecureRandom();
    private Map<String, String> settings;

    @Override
    public void initialize(Map<String, String> parameters) {
        settings = Map.copyOf(parameters);
    }

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

    private String encode(String salt, char[] password) {
        if (settings == null) {
            throw new IllegalStateException("not initialized");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.US_ASCII));
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return settings.get("Pbkdf2PasswordHash.Algorithm") + ";" + settings.get("Pbkdf2PasswordHash.Iterations")
                    + ";" + settings.get("Pbkdf2PasswordHash.SaltSizeBytes") + ";" + settings.get("Pbkdf2PasswordHash.KeySizeBytes")
                    + ":" + salt + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
