package com.tictactoe.testsupport;

import java.util.UUID;

/** Player names of their own for each test, so that tests sharing a table or a server never meet. */
public final class Names {

    private Names() {}

    /** {@code name} with a random suffix, e.g. {@code alice-3f9a1c}. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
