package com.tictactoe.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where long-lived sign-ins are kept, by a hash of their token: a player stays signed in when
 * the server that held the session stops, and on any other server.
 */
public interface SignInTokenRepository {

    void store(String tokenHash, String username, Instant expiresAt);

    /** The player the token signs in, if it is known and has not expired by {@code now}. */
    Optional<String> usernameFor(String tokenHash, Instant now);

    void delete(String tokenHash);
}
