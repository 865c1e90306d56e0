package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.domain.Account;
import com.tictactoe.testsupport.LocalGames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AccountsOnDynamoDbTest {

    private static LocalGames store;
    private static DynamoDbClient client;
    private static String table;
    private static DynamoAccountDao accounts;

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable();
        client = store.client();
        table = store.usersTable();
        accounts = new DynamoAccountDao(client, table);
    }

    @AfterAll
    static void dropTable() {
        store.close();
    }

    @Test
    void namesAreUniqueIgnoringCaseAndKeptAsTyped() {
        assertTrue(accounts.create(new Account("Dora", "hash-1")));
        assertEquals(false, accounts.create(new Account("dora", "hash-2")));
        Account found = accounts.find("DORA").orElseThrow();
        assertEquals("Dora", found.username());
        assertEquals("hash-1", found.passwordHash(), "the first account is untouched");
        assertTrue(accounts.find("nobody").isEmpty());
    }

    @Test
    void twoSignUpsRacingForOneNameGiveOneAccount() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String spelling = i % 2 == 0 ? "Racer" : "rAcEr";
                String hash = "hash-" + i;
                attempts.add(threads.submit(() -> {
                    start.await();
                    return accounts.create(new Account(spelling, hash));
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> attempt : attempts) {
                created += attempt.get() ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            threads.shutdownNow();
        }
    }
}
