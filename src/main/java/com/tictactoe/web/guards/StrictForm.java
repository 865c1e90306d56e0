package com.tictactoe.web.guards;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a page request (its query and its form body), decoded strictly as UTF-8 and
 * percent-encoding: a malformed escape or a byte sequence that is not UTF-8 makes the whole request
 * malformed. The container would drop such a parameter, log five lines about it and serve the page
 * as if it had not been sent, which neither tells the sender nor keeps the log short.
 */
final class StrictForm {

    /** More fields than any of our forms has, by far. */
    static final int MAX_PARAMETERS = 100;

    /** Why a query or body is not a well-formed form; the message is fixed text, never the input. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private StrictForm() {}

    /** The query's parameters, then the body's, in order, as the container would give them. */
    static Map<String, String[]> parse(String query, byte[] body) throws Malformed {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int[] count = {0};
        if (query != null) {
            add(query.getBytes(StandardCharsets.ISO_8859_1), values, count);
        }
        if (body != null) {
            add(body, values, count);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return parameters;
    }

    private static void add(byte[] encoded, Map<String, List<String>> values, int[] count) throws Malformed {
        int start = 0;
        while (start <= encoded.length) {
            int end = indexOf(encoded, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(encoded, (byte) '=', start);
                int nameEnd = equals >= 0 && equals < end ? equals : end;
                String name = decode(encoded, start, nameEnd);
                String value = nameEnd < end ? decode(encoded, nameEnd + 1, end) : "";
                if (++count[0] > MAX_PARAMETERS) {
                    throw new Malformed("too many parameters");
                }
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static String decode(byte[] encoded, int from, int to) throws Malformed {
        byte[] raw = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                raw[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new Malformed("cut-off percent escape");
                }
                int high = Character.digit(encoded[i + 1], 16);
                int low = Character.digit(encoded[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new Malformed("malformed percent escape");
                }
                raw[length++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                raw[length++] = b;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Malformed("not UTF-8");
        }
    }
}
