package com.tictactoe.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

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
}
