package com.tictactoe.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough reading of the app's HTML for tests that talk plain HTTP: input tags and their attributes. */
public final class Html {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

    private Html() {
    }

    /** Every input tag of {@code html}, in page order. */
    public static List<String> inputs(String html) {
        List<String> inputs = new ArrayList<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            inputs.add(input.group());
        }
        return inputs;
    }

    /** Whether {@code html} has an input named {@code name}, such as a button. */
    public static boolean hasInput(String html, String name) {
        return inputs(html).stream().anyMatch(tag -> tag.contains("name=\"" + name + "\""));
    }

    /** The input tag of the board's button for {@code square}, if {@code html} shows the board. */
    public static Optional<String> cell(String html, String square) {
        return inputs(html).stream()
                .filter(tag -> tag.contains("data-square=\"" + square + "\"") && tag.contains("name=\"game:board:"))
                .findFirst();
    }

    /** The value of attribute {@code name} of {@code tag}, as written (still escaped); empty if it has none. */
    public static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : "";
    }

    /** Text as a browser reads it from an attribute value. */
    public static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The fields a form posts besides its buttons: its named hidden inputs, unescaped. */
    public static Map<String, String> hiddenFields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String tag : inputs(form)) {
            if ("hidden".equals(attribute(tag, "type")) && !attribute(tag, "name").isEmpty()) {
                fields.put(unescape(attribute(tag, "name")), unescape(attribute(tag, "value")));
            }
        }
        return fields;
    }
}
