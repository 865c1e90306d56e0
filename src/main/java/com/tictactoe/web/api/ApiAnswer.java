package com.tictactoe.web.api;

import com.tictactoe.domain.GameRuleException;
import com.tictactoe.web.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;

/** What an endpoint answers: a status and a JSON object ({@link JsonText}). */
public record ApiAnswer(int status, Map<String, ?> body) {

    private static final int CONFLICT = 409;

    public static ApiAnswer ok(Map<String, ?> body) {
        return new ApiAnswer(200, body);
    }

    /** What {@code action} answers, or 409 with the reason if the game's rules refuse it (nothing is written then). */
    public static ApiAnswer unlessRefused(HttpServletRequest request, Supplier<ApiAnswer> action) {
        try {
            return action.get();
        } catch (GameRuleException refused) {
            return refused(request, refused);
        }
    }

    /** 409: what the game's rules refused, worded for the player, and the reason's name for scripts. */
    public static ApiAnswer refused(HttpServletRequest request, GameRuleException refused) {
        return new ApiAnswer(
                CONFLICT,
                Map.of(
                        "error",
                        Texts.of(request).refusal(refused),
                        "reason",
                        refused.rejection().name()));
    }
}
