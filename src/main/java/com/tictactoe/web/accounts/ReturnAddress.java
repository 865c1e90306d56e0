package com.tictactoe.web.accounts;

import com.tictactoe.web.SiteAddress;
import jakarta.faces.context.FacesContext;

/** Where to go after signing in: only an address of this site, never another host. */
final class ReturnAddress {

    private ReturnAddress() {}

    static boolean isSafe(String address) {
        return SiteAddress.isOnThisSite(address)
                && !address.startsWith("/signin.xhtml")
                && !address.startsWith("/signup.xhtml");
    }

    /**
     * The page the sign-in or sign-up page was asked to return to ({@code to}), if it is one of this
     * site's; else "". Kept in the forms and in the links between the two pages.
     */
    static String requested() {
        String to = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("to");
        return isSafe(to) ? to : "";
    }
}
