package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** The app's own PBKDF2 hashes: their format, their strength, and the accounts written before them. */
class PasswordHashesTest {

    private static final String PASSWORD = "correct horse battery";
    /**
     * Written by Payara Micro 6.2025.10's built-in Pbkdf2PasswordHash (Soteria 3.0.3), which the
     * app used before, for an account signed up with {@link #PASSWORD}.
     */
    private static final String WRITTEN_BY_SOTERIA = "PBKDF2WithHmacSHA256:120000:"
            + "qNarokmWsj6swWP7ktRuuaBi73suS8hNFGUvxAUXckA=:5vdYQegSlD7Uz+BYDVx7RwMx/Mn07uxeCcRLIPh9dx4=";

    private final PasswordHashes hashes = new PasswordHashes();

    @Test
    void accountsSignedUpWithTheServersHashStillSignIn() {
        assertTrue(hashes.verify(PASSWORD.toCharArray(), WRITTEN_BY_SOTERIA));
        assertFalse(hashes.verify("correct horse batterY".toCharArray(), WRITTEN_BY_SOTERIA));
    }

    @Test
    void aHashIsPbkdf2Sha256With120000RoundsAndA32ByteSaltAndKey() {
        String hash = hashes.generate(PASSWORD.toCharArray());
        String[] parts = hash.split(":");
        assertEquals(4, parts.length, hash);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("120000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key");
        assertFalse(hash.contains(PASSWORD));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndVerifiesAgainstEach() {
        String first = hashes.generate(PASSWORD.toCharArray());
        String second = hashes.generate(PASSWORD.toCharArray());
        assertNotEquals(first, second, "a fresh salt each time");
        assertTrue(hashes.verify(PASSWORD.toCharArray(), first));
        assertTrue(hashes.verify(PASSWORD.toCharArray(), second));
        assertFalse(hashes.verify("another password".toCharArray(), first));
        assertFalse(hashes.verify("".toCharArray(), first));
    }

    @Test
    void aHashVerifiesWithTheAlgorithmRoundsSaltAndKeyLengthItNames() throws GeneralSecurityException {
        byte[] salt = "sixteen bytes!!!".getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 1024, 64 * 8))
                .getEncoded();
        String other = "PBKDF2WithHmacSHA512:1024:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        assertTrue(hashes.verify(PASSWORD.toCharArray(), other));
        assertFalse(hashes.verify(PASSWORD.toCharArray(), other.replace(":1024:", ":1025:")));
        assertFalse(hashes.verify(PASSWORD.toCharArray(), other.replace("SHA512", "SHA384")));
    }

    @Test
    void anythingNotInTheFormatIsNoMatchRatherThanAnError() {
        for (String broken : new String[] {
            null,
            "",
            "plain",
            "PBKDF2WithHmacSHA256:120000:abc",
            "PBKDF2WithHmacSHA256:many:qNarokmW:5vdYQegS",
            "PBKDF2WithHmacSHA256:120000:***:***",
            "PBKDF2WithHmacSHA999:1000:qNarokmW:5vdYQegS",
            "MD5:1:qNarokmW:5vdYQegS",
            "PBKDF2WithHmacSHA256:0:qNarokmW:5vdYQegS",
            "PBKDF2WithHmacSHA256:2000000000:qNarokmW:5vdYQegS",
            "PBKDF2WithHmacSHA256:1000::5vdYQegS"
        }) {
            assertFalse(hashes.verify(PASSWORD.toCharArray(), broken), String.valueOf(broken));
        }
    }
}
