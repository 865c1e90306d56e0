package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Players found by name once, in any case; a name not found is asked again. */
@EnableWeld
class KnownPlayersTest {

    /** Accounts in memory, counting the reads. */
    static class CountingAccounts implements AccountRepository {
        final Map<String, Account> stored = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public boolean create(Account account) {
            return stored.putIfAbsent(account.key(), account) == null;
        }

        @Override
        public Optional<Account> find(String username) {
            reads.incrementAndGet();
            return Optional.ofNullable(stored.get(Account.keyOf(username)));
        }
    }

    private final CountingAccounts accounts = new CountingAccounts();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(KnownPlayers.class)
            .addBeans(MockBean.builder()
                    .types(AccountRepository.class)
                    .creating(accounts)
                    .build())
            .build();

    private KnownPlayers players() {
        return weld.select(KnownPlayers.class).get();
    }

    @Test
    void aPlayerFoundOnceIsFoundAgainInAnyCaseWithoutAnotherRead() {
        accounts.create(new Account("Alice", "hash"));

        assertEquals(Optional.of("Alice"), players().username("alice"));
        assertEquals(Optional.of("Alice"), players().username("ALICE"));
        assertEquals(Optional.of("Alice"), players().username("Alice"));

        assertEquals(1, accounts.reads.get());
    }

    @Test
    void aNameNotFoundIsAskedAgainSoThatAPlayerWhoSignsUpMeanwhileIsFound() {
        assertEquals(Optional.empty(), players().username("bob"));
        accounts.create(new Account("Bob", "hash"));

        assertEquals(Optional.of("Bob"), players().username("bob"));
        assertEquals(2, accounts.reads.get());
    }
}
