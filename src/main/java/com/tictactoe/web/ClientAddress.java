package com.tictactoe.web;

import com.tictactoe.application.Configuration;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The address that the sign-in and sign-up limits count a request by: the connection's peer.
 * Behind a reverse proxy or load balancer, list its addresses in {@value #TRUSTED_PROXIES}
 * (exact addresses, comma-separated): a request from one of them counts by the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Nobody else's
 * {@code X-Forwarded-For} is believed, as any client can send one.
 */
final class ClientAddress {

    static final String TRUSTED_PROXIES = "tictactoe.trusted-proxies";

    private static final Set<String> TRUSTED = Configuration.list(TRUSTED_PROXIES);

    private ClientAddress() {
    }

    /** The client address of the request being answered by Faces. */
    static String current() {
        return of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), TRUSTED);
    }

    static String of(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
        if (!trustedProxies.contains(peer)) {
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
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }
}
