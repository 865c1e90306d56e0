package com.tictactoe.web.api;

import com.tictactoe.web.FormToken;
import com.tictactoe.web.accounts.PlayerSession;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A call of an {@link ApiEndpoint}: the request and the values of the path's variable segments, in
 * their order.
 */
public record ApiCall(HttpServletRequest request, List<String> values) {

    public ApiCall {
        values = List.copyOf(values);
    }

    public String value(int index) {
        return values.get(index);
    }

    /**
     * The signed-in player whose own page sent this call: the session's {@link FormToken} must come
     * in a header, which another site's page can neither read nor set.
     *
     * @throws ApiRefusal 401 without a session, 403 without the token
     */
    public String playerFromPage() {
        String name = PlayerSession.playerOf(request).orElseThrow(() -> new ApiRefusal(ApiRefusal.NOT_SIGNED_IN));
        if (!FormToken.sentInHeader(request)) {
            throw new ApiRefusal(ApiRefusal.NOT_FROM_THE_PAGE);
        }
        return name;
    }

    /**
     * The first value of the address's query parameter {@code name}, decoded as UTF-8. Read from the
     * address alone, never from a body, so that a client trickling a body cannot hold the thread.
     *
     * @throws ApiRefusal 400 for an encoding no browser writes
     */
    public Optional<String> query(String name) {
        return queryValue(request.getQueryString(), name);
    }

    static Optional<String> queryValue(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                try {
                    return Optional.of(
                            URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    throw new ApiRefusal(ApiRefusal.MALFORMED);
                }
            }
        }
        return Optional.empty();
    }
}
