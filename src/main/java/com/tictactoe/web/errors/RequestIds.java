package com.tictactoe.web.errors;

import jakarta.servlet.ServletRequest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A short reference for each request, so that a player who quotes what the error page shows
 * leads an operator to the one log line about it.
 */
public final class RequestIds {

    static final String ATTRIBUTE = "tictactoe.requestId";
    static final String FAILURE = "tictactoe.failure";
    static final String REFUSAL = "tictactoe.refusal";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}");

    private RequestIds() {}

    static String next() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "" : id.toString();
    }

    static boolean isWellFormed(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** Marks a request as failed although its answer is not an error status (an AJAX redirect). */
    public static void failed(ServletRequest request, Throwable failure) {
        request.setAttribute(FAILURE, failure);
    }

    /** Why a request was refused with a 4xx, for its log line: a short fixed text, never the input. */
    public static void refused(ServletRequest request, String reason) {
        request.setAttribute(REFUSAL, reason);
    }
}
