package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.AttemptLimits.Limit;
import com.tictactoe.domain.Ending;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.Rejection;
import com.tictactoe.domain.Square;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundle of player-visible texts: complete for what the code and the pages name, and one file per language. */
class TextsTest {

    private static final Texts ENGLISH = Texts.in(Locale.ENGLISH);
    /** Keys as the pages and the code write them: text['x.y'], text.format('x.y', ...), "x.y" in Java. */
    private static final Pattern PAGE_KEY =
            Pattern.compile("text(?:\\['|\\.format\\('|\\.emphasised\\(')([a-zA-Z]+\\.[a-zA-Z_.]+)'");

    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:site|signIn|signUp|lobby|challenge|game|error|api|when|wait|span|outcome|player|leaders|record)\\.[a-zA-Z_.]+)\"");

    private static Properties english;

    @BeforeAll
    static void readTheBundle() throws IOException {
        english = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/com/tictactoe/web/texts.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyKeyThePagesAndTheCodeNameHasAText() throws IOException {
        Set<String> named = new TreeSet<>();
        named.addAll(keysIn(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY));
        named.addAll(keysIn(Path.of("src/main/java"), ".java", JAVA_KEY));
        for (Rejection rejection : Rejection.values()) {
            named.add(rejection.key());
        }
        for (Limit limit : Limit.values()) {
            named.add(limit.key());
        }
        for (Square square : Square.values()) {
            named.add("square." + square.id());
        }
        for (Ending ending : Ending.values()) {
            named.add(ending.key() + ".you");
            named.add(ending.key() + ".other");
        }
        for (String outcome : List.of("win", "loss", "draw")) {
            named.add("outcome." + outcome);
        }
        for (String page : List.of("refused", "failed", "unavailable", "busy", "notFound")) {
            named.add("error." + page + ".title");
            named.add("error." + page + ".text");
        }
        assertTrue(named.size() > 100, "found the keys: " + named.size());
        List<String> missing = new ArrayList<>(named);
        missing.removeAll(english.stringPropertyNames());
        assertEquals(List.of(), missing, "keys without a text");
        List<String> unused = new ArrayList<>(english.stringPropertyNames());
        unused.removeAll(named);
        Collections.sort(unused);
        assertEquals(List.of(), unused, "texts nothing names");
    }

    @Test
    void everyTextIsAPatternThatFormats() {
        for (String key : english.stringPropertyNames()) {
            String pattern = english.getProperty(key);
            assertFalse(pattern.isBlank(), key);
            assertDoesNotThrow(() -> new MessageFormat(pattern, Locale.ENGLISH), key);
            assertFalse(ENGLISH.get(key).contains("''"), key + ": an apostrophe written once too often");
            assertFalse(
                    pattern.replace("''", "").contains("'"),
                    key + ": a lone apostrophe, which MessageFormat would swallow (write it twice)");
        }
    }

    @Test
    void refusalsReadAsBeforeWithTheirParticulars() {
        assertEquals("It is not your turn.", ENGLISH.refusal(new GameRuleException(Rejection.NOT_YOUR_TURN)));
        assertEquals(
                "You have 10 open invitations already. Wait for an answer, or cancel one, before you invite"
                        + " someone else.",
                ENGLISH.refusal(new GameRuleException(Rejection.TOO_MANY_SENT)));
        assertEquals(
                "That player has 20 open invitations already. Please try again once they have answered some.",
                ENGLISH.refusal(new GameRuleException(Rejection.TOO_MANY_RECEIVED)));
        assertEquals(
                "There is no player called \u201cbob\u201d.",
                ENGLISH.refusal(new GameRuleException(Rejection.NO_SUCH_PLAYER, "bob")));
        Set<String> texts = new HashSet<>();
        for (Rejection rejection : Rejection.values()) {
            texts.add(ENGLISH.get(rejection.key(), rejection.arguments()));
        }
        assertEquals(Rejection.values().length, texts.size(), "each refusal says something of its own");
    }

    @Test
    void limitsSayHowLongToWaitInSecondsOrWholeMinutes() {
        assertEquals(
                "Too many failed attempts for this account from your address. Please try again in 14 minutes.",
                ENGLISH.get(Limit.ACCOUNT_FROM_ADDRESS.key(), Duration.ofMinutes(14)));
        assertEquals(
                "Too many failed sign-ins from your address. Please try again in 1 second.",
                ENGLISH.get(Limit.FAILURES_FROM_ADDRESS.key(), Duration.ofMillis(300)));
        assertEquals("59 seconds", wait(Duration.ofSeconds(59)));
        assertEquals("1 minute", wait(Duration.ofSeconds(60)));
        assertEquals("2 minutes", wait(Duration.ofSeconds(61)));
        assertEquals("15 minutes", wait(Duration.ofMinutes(15)));
    }

    @Test
    void squaresAndApostrophesReadNaturally() {
        assertEquals("Centre, X", ENGLISH.get("game.cell", ENGLISH.get("square.MiddleMiddle"), "X"));
        assertEquals(
                "Bottom left, empty",
                ENGLISH.get("game.cell", ENGLISH.get("square.BottomLeft"), ENGLISH.get("game.empty")));
        assertEquals(
                "Waiting for bob to accept alice's invitation",
                ENGLISH.get("game.waitingToAcceptFrom", "bob", "alice"));
        assertEquals("A username has 3 to 20 letters, digits, '_' or '-'.", ENGLISH.get("signUp.usernameInvalid"));
    }

    @Test
    void aPatternParsedOnceStillFormatsNumbersInEachLanguage() {
        // Esperanto has no record.wins: the English pattern, with Esperanto's numbers
        Texts esperanto = Texts.in(Locale.forLanguageTag("eo"));
        assertEquals("1,234,567 wins", ENGLISH.get("record.wins", 1_234_567));
        String fallback = esperanto.get("record.wins", 1_234_567);
        assertEquals(
                new MessageFormat("{0,number,integer} wins", Locale.forLanguageTag("eo"))
                        .format(new Object[] {1_234_567}),
                fallback);
        assertFalse(fallback.startsWith("1,234,567"), "not English's digits: " + fallback);
        assertEquals("1,234,567 wins", ENGLISH.get("record.wins", 1_234_567), "the English one again");
        assertEquals("1 win", ENGLISH.get("record.wins", 1), "the same parsed pattern, another argument");
    }

    @Test
    void anotherLanguageIsOneFileAndFallsBackToEnglishKeyByKey() {
        Texts esperanto = Texts.in(Locale.forLanguageTag("eo"));
        assertEquals("Via vico", esperanto.get("game.yourTurn"));
        assertEquals("eo", esperanto.get("site.lang"));
        assertEquals("It is not your turn.", esperanto.refusal(new GameRuleException(Rejection.NOT_YOUR_TURN)));
        assertEquals(
                Locale.forLanguageTag("eo"),
                Texts.chosen(Collections.enumeration(List.of(Locale.FRENCH, Locale.forLanguageTag("eo")))),
                "the first of the browser's languages that has a file");
        assertEquals(Locale.ENGLISH, Texts.chosen(Collections.enumeration(List.of(Locale.FRENCH))), "else English");
        assertEquals(
                "en",
                Texts.in(Locale.forLanguageTag("tlh")).get("site.lang"),
                "no Klingon file: English, whatever the server's locale");
    }

    @Test
    void aNameInATextIsEmphasisedAndEverythingIsEscaped() {
        assertEquals(
                "<strong>&lt;b&gt;bob&amp;co</strong> invites you",
                PageTexts.emphasised(ENGLISH, "lobby.invitesYou", "<b>bob&co"));
    }

    @Test
    void germanHasEveryKeyAndTheSwitchOffersWhatTheBundleHas() throws IOException {
        Properties german = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/com/tictactoe/web/texts_de.properties")) {
            german.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(german.stringPropertyNames()));
        Texts deutsch = Texts.in(Locale.forLanguageTag("de-AT"));
        assertEquals("de", deutsch.get("site.lang"));
        assertEquals("vor 2 Minuten", deutsch.get("when.minutes", 2L));
        assertEquals(
                "Bitte versuche es in 1 Minute wieder.",
                deutsch.get(Limit.SIGN_UPS.key(), Duration.ofSeconds(60)).replaceAll(".*\\. ", ""));
        assertEquals(Locale.ENGLISH, Texts.available().get(0));
        assertTrue(Texts.available().contains(Locale.GERMAN), Texts.available().toString());
        assertTrue(Texts.isAvailable("de") && Texts.isAvailable("EN"));
        assertFalse(Texts.isAvailable("xx") || Texts.isAvailable("de;x") || Texts.isAvailable(null));
        assertEquals("Deutsch", Languages.nameOf(Locale.GERMAN));
    }

    @Test
    void theSwitchLeadsOnlyToPathsOfThisSite() {
        assertEquals("/game.xhtml?id=1", LanguageSwitch.sitePath("/game.xhtml?id=1"));
        for (String elsewhere :
                new String[] {null, "", "x", "//evil.example", "/\\evil.example", "https://evil.example/", "/a b"}) {
            assertEquals("/", LanguageSwitch.sitePath(elsewhere), String.valueOf(elsewhere));
        }
    }

    @Test
    void aKeyWithoutATextIsAnErrorNotASilentGap() {
        assertThrows(IllegalArgumentException.class, () -> ENGLISH.get("lobby.noSuchText"));
    }

    private static String wait(Duration wait) {
        String text = ENGLISH.get(Limit.SIGN_UPS.key(), wait);
        Matcher matcher = Pattern.compile(" in (\\d.*)\\.$").matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    private static Set<String> keysIn(Path root, String suffix, Pattern key) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = key.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
