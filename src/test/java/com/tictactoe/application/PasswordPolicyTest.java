package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.web.Texts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String refusal(String password) {
        SignUpException refused = assertThrows(
                SignUpException.class,
                () -> AccountService.checkPolicy("alice", password),
                "refused: [" + password + "]");
        return englishOf(refused.key(), refused.arguments());
    }

    /** What the person reads. */
    static String englishOf(String key, Object... arguments) {
        return Texts.in(Locale.ENGLISH).get(key, arguments);
    }

    @Test
    void noPasswordAtAllIsAskedFor() {
        assertEquals("Please choose a password.", refusal(null));
        assertEquals("Please choose a password.", refusal(""));
    }

    @Test
    void spacesAloneAreNoPassword() {
        for (String blank : new String[] {" ", "        ", "\t\t\t\t\t\t\t\t\t", " \u2003 \u2003 \u2003 \u2003 "}) {
            assertEquals("A password cannot be only spaces. Please choose another.", refusal(blank));
        }
    }

    @Test
    void eightCharactersWithoutTheSpacesAtEitherEnd() {
        assertEquals("A password has at least 8 characters, not counting spaces at either end.", refusal("   xk7#q  "));
        assertEquals("A password has at least 8 characters, not counting spaces at either end.", refusal("xk7#qz1"));
        assertDoesNotThrow(() -> AccountService.checkPolicy("alice", "xk7#qz1v"));
        assertDoesNotThrow(() -> AccountService.checkPolicy("alice", "xk 7 # q z"), "spaces inside count");
        assertDoesNotThrow(
                () -> AccountService.checkPolicy("alice", "😀😀😀😀😀😀😀😀"), "characters, not UTF-16 units");
        assertEquals("A password has at most 128 characters.", refusal("a".repeat(129)));
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {
            "password",
            "PASSWORD",
            "Password1",
            "12345678",
            "qwertyui",
            "iloveyou",
            " sunshine ",
            "1q2w3e4r",
            "P@ssw0rd",
            "tictactoe"
        }) {
            assertEquals(
                    "That password is one of the most common ones, which attackers try first. Please choose another.",
                    refusal(common));
        }
        assertDoesNotThrow(() -> AccountService.checkPolicy("alice", "correct horse battery staple"));
    }

    @Test
    void theUsernameIsNoPassword() {
        assertThrows(SignUpException.class, () -> AccountService.checkPolicy("Alice-1234", "alice-1234"));
    }

    @Test
    void theListHoldsHundredsOfPasswordsThatTheLengthRuleWouldLetThrough() {
        assertTrue(CommonPasswords.size() >= 300, "size " + CommonPasswords.size());
    }
}
