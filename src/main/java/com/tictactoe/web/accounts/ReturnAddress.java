package com.tictactoe.web.accounts;

import java.util.regex.Pattern;

/** Where to go after signing in: only an address of this site, never another host. */
final class ReturnAddress {

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}(\\?[A-Za-z0-9._~=&%-]{0,200})?");

    private ReturnAddress() {}

    static boolean isSafe(String address) {
        return address != null
                && SAFE.matcher(address).matches()
                && !address.startsWith("//")
                && !address.contains("/../")
                && !address.startsWith("/signin.xhtml")
                && !address.startsWith("/signup.xhtml");
    }
}
