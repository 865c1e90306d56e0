package com.tictactoe.web.api;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text of the values the API answers with: maps with string keys, collections, strings,
 * numbers, booleans, enums and null. Written directly: the answers are a few small fields, and a
 * JSON library would look up its provider or bind by reflection on every call.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    public static String of(Object value) {
        StringBuilder json = new StringBuilder(128);
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Character) {
            appendString(json, value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof Number number) {
            appendNumber(json, number);
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(json, map);
        } else if (value instanceof Collection<?> items) {
            appendArray(json, items.iterator());
        } else {
            throw new IllegalArgumentException(
                    "no JSON for a " + value.getClass().getName());
        }
    }

    private static void appendNumber(StringBuilder json, Number number) {
        double asDouble = number.doubleValue();
        if (Double.isNaN(asDouble) || Double.isInfinite(asDouble)) {
            throw new IllegalArgumentException("JSON has no " + number);
        }
        json.append(number);
    }

    private static void appendObject(StringBuilder json, Map<?, ?> map) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("a JSON object's keys are strings, not " + entry.getKey());
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, key);
            json.append(':');
            append(json, entry.getValue());
        }
        json.append('}');
    }

    private static void appendArray(StringBuilder json, Iterator<?> items) {
        json.append('[');
        while (items.hasNext()) {
            append(json, items.next());
            if (items.hasNext()) {
                json.append(',');
            }
        }
        json.append(']');
    }

    /**
     * Control characters, quotes and backslashes escaped as JSON requires; {@code <}, {@code >} and
     * {@code &} too, so that no answer can be read as markup, and the two line separators
     * JavaScript's string literals once refused.
     */
    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append("\\u")
                                .append(HEX[(c >> 12) & 0xf])
                                .append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
