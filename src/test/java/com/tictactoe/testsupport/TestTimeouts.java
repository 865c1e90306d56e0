package com.tictactoe.testsupport;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * How long the tests wait for the server over HTTP, in one place. A working server answers in
 * well under a second, a few seconds when two cores are shared under load; a request that hangs
 * fails its test after {@link #HTTP_REQUEST} instead of holding the build until the JUnit timeout
 * (src/test/resources/junit-platform.properties) or the fork's (pom.xml) ends it.
 */
public final class TestTimeouts {

    /** The longest a test waits for one HTTP answer, headers and body. */
    public static final Duration HTTP_REQUEST = Duration.ofSeconds(30);

    /** The longest a test's HTTP client waits for a connection. */
    public static final Duration HTTP_CONNECT = Duration.ofSeconds(10);

    private TestTimeouts() {}

    /** The request as it is if it has a timeout of its own, else the same request with {@link #HTTP_REQUEST}. */
    public static HttpRequest bounded(HttpRequest request) {
        return request.timeout().isPresent()
                ? request
                : HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(HTTP_REQUEST)
                        .build();
    }
}
