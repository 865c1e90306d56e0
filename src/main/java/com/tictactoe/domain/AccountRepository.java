package com.tictactoe.domain;

import java.util.Optional;

/** Where accounts are kept. */
public interface AccountRepository {

    /** Stores the account unless its name, ignoring case, is taken; tells whether it was stored. */
    boolean create(Account account);

    /** The account of that name, ignoring case. */
    Optional<Account> find(String username);
}
