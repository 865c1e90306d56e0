package com.tictactoe.web;

import java.util.regex.Pattern;

/**
 * Addresses a request may send the browser back to: a path of this site with a plain query, never
 * another host ({@code //host}, {@code /\host}), a scheme, or a way up ({@code /../}).
 */
public final class SiteAddress {

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}(\\?[A-Za-z0-9._~=&%-]{0,200})?");

    private SiteAddress() {}

    public static boolean isOnThisSite(String address) {
        return address != null
                && SAFE.matcher(address).matches()
                && !address.startsWith("//")
                && !address.contains("/../");
    }
}
