package com.tictactoe.web.guards;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request parameters that steer Faces itself ({@code jakarta.faces.*}), checked before Faces
 * reads them: a value our pages and faces.js could not have sent makes Mojarra fail deep inside
 * (an unknown render kit is a 500 and three stack traces in the log), so it is refused up front as
 * a bad request, which is logged as one line. Parameters Faces has but our pages never send (client
 * windows, flows, protected views) are refused too.
 */
final class FacesParameters {

    private static final String PREFIX = "jakarta.faces.";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_:-]{0,199}");
    private static final Pattern CLIENT_IDS = Pattern.compile("(@(all|this|form|none)|[A-Za-z][A-Za-z0-9_:-]{0,199})"
            + "( (@(all|this|form|none)|[A-Za-z][A-Za-z0-9_:-]{0,199})){0,49}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z]{1,32}");
    private static final Map<String, Pattern> ALLOWED = Map.of(
            PREFIX + "ViewState", Pattern.compile("stateless|-?\\d{1,20}:-?\\d{1,20}"),
            PREFIX + "RenderKitId", Pattern.compile("HTML_BASIC"),
            PREFIX + "source", Pattern.compile("(" + CLIENT_ID.pattern() + ")?"),
            PREFIX + "partial.ajax", Pattern.compile("true"),
            PREFIX + "partial.execute", CLIENT_IDS,
            PREFIX + "partial.render", CLIENT_IDS,
            PREFIX + "partial.event", EVENT,
            PREFIX + "behavior.event", EVENT,
            PREFIX + "partial.resetValues", Pattern.compile("true|false"));

    private FacesParameters() {}

    /** What is wrong with the request's Faces parameters, if anything: names the first one refused. */
    static Optional<String> problem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            Pattern allowed = ALLOWED.get(name);
            if (allowed == null) {
                return Optional.of("unknown parameter " + shortened(name));
            }
            String[] values = parameter.getValue();
            if (values == null
                    || values.length != 1
                    || values[0] == null
                    || !allowed.matcher(values[0]).matches()) {
                return Optional.of("malformed " + name);
            }
        }
        return Optional.empty();
    }

    private static String shortened(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9._-]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
