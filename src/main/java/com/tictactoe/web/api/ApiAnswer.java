package com.tictactoe.web.api;

import java.util.Map;

/** What an endpoint answers: a status and a JSON object ({@link JsonText}). */
public record ApiAnswer(int status, Map<String, ?> body) {

    public static ApiAnswer ok(Map<String, ?> body) {
        return new ApiAnswer(200, body);
    }
}
