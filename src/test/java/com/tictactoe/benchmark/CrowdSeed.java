package com.tictactoe.benchmark;

import com.tictactoe.application.SignInTokens;
import com.tictactoe.domain.Account;
import com.tictactoe.infrastructure.DynamoAccountDao;
import com.tictactoe.infrastructure.DynamoSignInTokenDao;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Players who signed up and in before: an account and a sign-in token each, written straight to
 * the Users table with the app's own DAOs (the token's hash, as the app stores it), so that a
 * crowd of thousands is ready in seconds instead of thousands of sign-ups through the pages.
 */
final class CrowdSeed {

    /** A player and the token its browser holds. */
    record Member(String name, String token) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private CrowdSeed() {}

    static List<Member> write(DynamoDbClient client, String usersTable, String prefix, int count, ExecutorService pool)
            throws Exception {
        DynamoAccountDao accounts = new DynamoAccountDao(client, usersTable);
        DynamoSignInTokenDao tokens = new DynamoSignInTokenDao(client, usersTable);
        Instant expires = Instant.now().plus(SignInTokens.LIFETIME);
        List<Future<Member>> writing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("%s%05d", prefix, i);
            writing.add(pool.submit(() -> {
                // never signed in with it: no password to hash
                accounts.create(new Account(name, "no-password"));
                String token = newToken();
                tokens.store(SignInTokens.hash(token), name, expires);
                return new Member(name, token);
            }));
        }
        List<Member> members = new ArrayList<>();
        for (Future<Member> each : writing) {
            members.add(each.get());
        }
        return members;
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
