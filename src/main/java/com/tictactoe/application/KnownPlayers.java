package com.tictactoe.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * The players this server has found by name, as their accounts spell them: an invitation names its
 * opponent as typed, in any case, and each would otherwise read the account. Accounts are never
 * deleted or renamed, so a name once found stays right; a name not found is asked again every
 * time, since the player may sign up meanwhile. Only the name is kept, never the account's
 * password hash: signing in reads the account itself.
 *
 * <p>At most {@link #CAPACITY} names (Caffeine: the least likely to be used again go first).
 */
@ApplicationScoped
public class KnownPlayers {

    static final int CAPACITY = 20_000;

    /** Eviction on the calling thread, not the JVM's common pool (see {@link KnownGames}). */
    private final Cache<String, String> names =
            Caffeine.newBuilder().maximumSize(CAPACITY).executor(Runnable::run).build();

    @Inject
    private AccountRepository accounts;

    /** The account's name of the player {@code typed} names (in any case), if there is one. */
    public Optional<String> username(String typed) {
        String key = typed.toLowerCase(Locale.ROOT);
        String known = names.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = accounts.find(typed).map(Account::username);
        found.ifPresent(name -> names.put(key, name));
        return found;
    }
}
