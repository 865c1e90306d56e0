package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings read from system properties or, failing that, environment variables. */
class ConfigurationTest {

    @Test
    void aCountIsAWholeNumberAboveZeroAndAnythingElseNamesTheSetting() {
        assertEquals(Optional.of(12), Configuration.count("tictactoe.x", Optional.of(" 12 ")));
        assertEquals(Optional.empty(), Configuration.count("tictactoe.x", Optional.of("  ")));
        assertEquals(Optional.empty(), Configuration.count("tictactoe.x", Optional.empty()));
        for (String wrong : List.of("0", "-3", "four", "1.5")) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class, () -> Configuration.count("tictactoe.x", Optional.of(wrong)));
            assertTrue(refused.getMessage().startsWith("tictactoe.x must be a whole number above zero"), wrong);
        }
    }

    @Test
    void aFlagIsTrueOrFalseInAnyCaseAndAnythingElseNamesTheSetting() {
        assertEquals(Optional.of(true), Configuration.flag("tictactoe.x", Optional.of(" TRUE ")));
        assertEquals(Optional.of(false), Configuration.flag("tictactoe.x", Optional.of("false")));
        assertEquals(Optional.empty(), Configuration.flag("tictactoe.x", Optional.of(" ")));
        assertEquals(Optional.empty(), Configuration.flag("tictactoe.x", Optional.empty()));
        for (String wrong : List.of("yes", "0", "off", "truee")) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class, () -> Configuration.flag("tictactoe.x", Optional.of(wrong)));
            assertTrue(refused.getMessage().startsWith("tictactoe.x must be true or false"), wrong);
        }
    }

    @Test
    void aPropertyIsACommaSeparatedListWithoutBlanks() {
        String name = "tictactoe.test-list-" + System.nanoTime();
        System.setProperty(name, " 10.0.0.1, ::1 ,, 10.0.0.2,");
        try {
            assertEquals(Set.of("10.0.0.1", "::1", "10.0.0.2"), Configuration.list(name));
        } finally {
            System.clearProperty(name);
        }
        assertEquals(Set.of(), Configuration.list(name), "unset: empty");
    }

    @Test
    void anEnvironmentVariableNamedAfterThePropertyIsReadWhenThePropertyIsUnset() {
        String home = System.getenv("HOME");
        assumeTrue(home != null && !home.contains(",") && !home.isBlank() && System.getProperty("home") == null);
        assertEquals(Set.of(home.trim()), Configuration.list("home"));
        String path = System.getenv("PATH");
        assumeTrue(path != null && !path.contains(","));
        assertEquals(Set.of(path.trim()), Configuration.list("path"), "upper-cased");
    }

    @Test
    void aPropertyWinsOverTheEnvironment() {
        assumeTrue(System.getenv("HOME") != null && System.getProperty("home") == null);
        System.setProperty("home", "a,b");
        try {
            assertEquals(Set.of("a", "b"), Configuration.list("home"));
        } finally {
            System.clearProperty("home");
        }
    }

    @Test
    void commonPasswordsAreComparedIgnoringCaseAndOuterSpacesButNotCommentsOrBlanks() {
        assertTrue(CommonPasswords.contains("password1"));
        assertTrue(CommonPasswords.contains("  PassWord1\t"));
        assertFalse(CommonPasswords.contains("password1x"));
        assertFalse(CommonPasswords.contains(""), "blank lines are no passwords");
        assertFalse(CommonPasswords.contains("   "));
        assertFalse(
                CommonPasswords.contains("# The most common passwords of at least eight characters, written for this"
                        + " app from public"),
                "comment lines are no passwords");
    }
}
