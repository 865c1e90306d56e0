package com.tictactoe.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough reading of the app's HTML for tests that talk plain HTTP: input tags and their attributes. */
public final class Html {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>");
    private static final Pattern CELL = Pattern.compile("<button\\b[^>]*name=\"game:square\"[^>]*>[^<]*</button>");

    private Html() {}

    /** Every input tag of {@code html}, in page order. */
    public static List<String> inputs(String html) {
        List<String> inputs = new ArrayList<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            inputs.add(input.group());
        }
        return inputs;
    }

    /** Whether {@code html} has a button element named {@code name} that sends {@code value}. */
    public static boolean hasButton(String html, String name, String value) {
        Matcher button = BUTTON.matcher(html);
        while (button.find()) {
            if (button.group().contains("name=\"" + name + "\"")
                    && button.group().contains("value=\"" + value + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code html} has an input named {@code name}, such as a button. */
    public static boolean hasInput(String html, String name) {
        return inputs(html).stream().anyMatch(tag -> tag.contains("name=\"" + name + "\""));
    }

    /** The board's button for {@code square}, start tag to end tag, if {@code html} shows the board. */
    public static Optional<String> cell(String html, String square) {
        Matcher cell = CELL.matcher(html);
        while (cell.find()) {
            if (cell.group().contains("data-square=\"" + square + "\"")) {
                return Optional.of(cell.group());
            }
        }
        return Optional.empty();
    }

    /** {@code html} with each of the board's buttons, start tag to end tag, replaced as {@code replacement} says. */
    public static String replaceCells(String html, UnaryOperator<String> replacement) {
        return CELL.matcher(html).replaceAll(cell -> Matcher.quoteReplacement(replacement.apply(cell.group())));
    }

    /** The mark a board's button shows, as a browser reads it: "", "O" or "X". */
    public static String cellMark(String cell) {
        return unescape(cell.substring(cell.indexOf('>') + 1, cell.lastIndexOf("</button>")));
    }

    /** The value of attribute {@code name} of {@code tag}, as written (still escaped); empty if it has none. */
    public static String attribute(String tag, String name) {
        Matcher value =
                Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : "";
    }

    /** Text as a browser reads it from an attribute value. */
    public static String unescape(String text) {
        return text.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The fields a form posts besides its buttons: its named hidden inputs, unescaped. */
    public static Map<String, String> hiddenFields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String tag : inputs(form)) {
            if ("hidden".equals(attribute(tag, "type"))
                    && !attribute(tag, "name").isEmpty()) {
                fields.put(unescape(attribute(tag, "name")), unescape(attribute(tag, "value")));
            }
        }
        return fields;
    }
}
