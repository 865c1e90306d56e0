package com.tictactoe.application;

import java.util.Optional;

/**
 * How a sign-in went: the player as they signed up, or a refusal by a limit (the password was
 * not checked), or neither: a wrong username or password.
 */
public record SignInResult(Optional<String> player, Optional<AttemptLimits.Refusal> refusal) {

    static SignInResult signedIn(String player) {
        return new SignInResult(Optional.of(player), Optional.empty());
    }

    static SignInResult wrong() {
        return new SignInResult(Optional.empty(), Optional.empty());
    }

    static SignInResult refused(AttemptLimits.Refusal refusal) {
        return new SignInResult(Optional.empty(), Optional.of(refusal));
    }
}
