package com.tictactoe.web.accounts;

import com.tictactoe.application.Configuration;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The address that the sign-in and sign-up limits count a request by: the connection's peer.
 * Behind a reverse proxy or load balancer, list its addresses in {@value #TRUSTED_PROXIES}
 * (comma-separated addresses or CIDR ranges such as {@code 10.0.0.0/16}, for balancers whose
 * addresses change, like AWS's): a request from one of them counts by the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Nobody else's
 * {@code X-Forwarded-For} is believed, as any client can send one.
 */
final class ClientAddress {

    static final String TRUSTED_PROXIES = "tictactoe.trusted-proxies";

    private static final Set<String> TRUSTED = Configuration.list(TRUSTED_PROXIES);

    private ClientAddress() {}

    /** The client address of the request being answered by Faces. */
    static String current() {
        return of((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), TRUSTED);
    }

    static String of(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
        if (!isTrusted(peer, trustedProxies)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i), trustedProxies)) {
                return hops.get(i);
            }
        }
        return peer;
    }

    static boolean isTrusted(String address, Set<String> trustedProxies) {
        if (trustedProxies.contains(address)) {
            return true;
        }
        for (String entry : trustedProxies) {
            int slash = entry.indexOf('/');
            if (slash > 0
                    && entry.substring(slash + 1).matches("\\d{1,3}")
                    && inRange(address, entry.substring(0, slash), Integer.parseInt(entry.substring(slash + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String address, String network, int prefixLength) {
        byte[] a = literal(address);
        byte[] n = literal(network);
        if (a == null || n == null || a.length != n.length || prefixLength > a.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IP address literal; null for anything else, which is never looked up in DNS. */
    private static byte[] literal(String text) {
        boolean ipv4 = text.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
