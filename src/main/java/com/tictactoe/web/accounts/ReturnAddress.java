package com.tictactoe.web.accounts;

import com.tictactoe.web.SiteAddress;

/** Where to go after signing in: only an address of this site, never another host. */
final class ReturnAddress {

    private ReturnAddress() {}

    static boolean isSafe(String address) {
        return SiteAddress.isOnThisSite(address)
                && !address.startsWith("/signin.xhtml")
                && !address.startsWith("/signup.xhtml");
    }
}
