package com.tictactoe.web;

import com.tictactoe.domain.GameRuleException;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * The texts a player sees, from the bundle {@value #BUNDLE} in the language the browser asks for
 * first among those the bundle has (the root bundle is English). A second language is one file
 * beside it: nothing here names a language.
 */
public final class Texts {

    public static final String BUNDLE = "com.tictactoe.web.texts";

    /** The language a player chose, as its tag ({@code de}). */
    public static final String COOKIE = "ttt_lang";

    private static final String ATTRIBUTE = Texts.class.getName();

    /** Found once: the languages of ISO 639 that the bundle has a file for, English first. */
    private static volatile List<Locale> available;

    /** Never the server's own default locale: a server set up in German still answers English first. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /**
     * Patterns parsed once per thread and language: parsing one (its number, date and choice
     * formats) was half of what a formatted text cost, and a lobby formats one for every row. A
     * {@link MessageFormat} must not be shared between threads. The bundle's patterns are few, and
     * the languages are the bundle's own (never what a request names), so the map stays small; it
     * holds only the JDK's classes, so a redeployed app leaves nothing of its own behind on the
     * container's threads.
     */
    private static final ThreadLocal<Map<Locale, Map<String, MessageFormat>>> PARSED =
            ThreadLocal.withInitial(HashMap::new);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** In {@code locale}'s language if the bundle has it, else English. */
    public static Texts in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), CONTROL);
        Locale found = bundle.getLocale();
        return new Texts(bundle, found.getLanguage().isEmpty() ? Locale.ENGLISH : found);
    }

    /**
     * In the language the player chose with the switch ({@link LanguageSwitch}, remembered in the
     * cookie {@value #COOKIE}), else the first of the browser's languages that the bundle has;
     * chosen once per request.
     */
    public static Texts of(HttpServletRequest request) {
        if (request == null) {
            return in(Locale.ENGLISH);
        }
        if (request.getAttribute(ATTRIBUTE) instanceof Texts chosen) {
            return chosen;
        }
        Texts texts = Cookies.value(request, COOKIE)
                .filter(Texts::isAvailable)
                .map(tag -> in(Locale.forLanguageTag(tag)))
                .orElseGet(() -> in(chosen(request.getLocales())));
        request.setAttribute(ATTRIBUTE, texts);
        return texts;
    }

    /** For the Faces request being handled. */
    public static Texts current() {
        return of(FacesContext.getCurrentInstance());
    }

    /** For the request of {@code faces}; English without one. */
    public static Texts of(FacesContext faces) {
        return of(
                faces == null
                        ? null
                        : (HttpServletRequest) faces.getExternalContext().getRequest());
    }

    static Locale chosen(Enumeration<Locale> wanted) {
        while (wanted.hasMoreElements()) {
            Locale locale = wanted.nextElement();
            Locale found = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), CONTROL)
                    .getLocale();
            if (!found.getLanguage().isEmpty() || locale.getLanguage().equals("en")) {
                return locale;
            }
        }
        return Locale.ENGLISH;
    }

    /** The languages the bundle has, English (the root bundle) first. */
    public static List<Locale> available() {
        List<Locale> found = available;
        if (found == null) {
            List<Locale> languages = new ArrayList<>(List.of(Locale.ENGLISH));
            for (String language : Locale.getISOLanguages()) {
                Locale locale = Locale.forLanguageTag(language);
                if (!language.equals("en") && !in(locale).locale().equals(Locale.ENGLISH)) {
                    languages.add(locale);
                }
            }
            found = List.copyOf(languages);
            available = found;
        }
        return found;
    }

    /** Whether {@code tag} names a language of {@link #available()}. */
    public static boolean isAvailable(String tag) {
        return tag != null
                && tag.matches("[a-zA-Z]{2,3}")
                && available().contains(Locale.forLanguageTag(tag.toLowerCase(Locale.ROOT)));
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its arguments; a {@link Duration} argument reads as a wait. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No text " + key + " in " + BUNDLE, e);
        }
        if (arguments.length == 0 && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            return pattern; // most of a page's texts: nothing to format, so no MessageFormat to build
        }
        Object[] values = arguments.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Duration wait) {
                values[i] = waitOf(wait);
            }
        }
        return parsed(pattern).format(values);
    }

    private MessageFormat parsed(String pattern) {
        // Looked up by the language, then the pattern itself: no key is built for every text
        return PARSED.get().computeIfAbsent(locale, language -> new HashMap<>()).computeIfAbsent(pattern, key -> {
            MessageFormat format = new MessageFormat(pattern, locale);
            for (Format part : format.getFormats()) {
                if (part instanceof DateFormat date) {
                    date.setTimeZone(UTC); // the texts say "UTC"; the server's own zone is nobody's
                }
            }
            return format;
        });
    }

    /** Why the rules refused a request, with its particulars. */
    public String refusal(GameRuleException refused) {
        return get(refused.rejection().key(), refused.arguments());
    }

    /** How long to wait, rounded up: seconds under a minute, else minutes. */
    private String waitOf(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 60 ? get("wait.seconds", seconds) : get("wait.minutes", (seconds + 59) / 60);
    }
}
