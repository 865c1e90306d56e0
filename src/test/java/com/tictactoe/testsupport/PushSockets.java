package com.tictactoe.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A page's push websocket opened without a browser, with the Origin and cookies a page would send
 * or others would: to hear what the server pushes, or to see which handshakes it refuses.
 */
public final class PushSockets {

    private PushSockets() {}

    /** The messages and the close one websocket gets. */
    public static final class Inbox implements WebSocket.Listener {
        public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            messages.add("closed " + status + " " + reason);
            return null;
        }
    }

    /** The channel URL a page gives is a full ws:// URL, or a path taken as one on {@code server}. */
    public static URI socketUri(URI server, String channelUrl) {
        return URI.create(
                channelUrl.startsWith("ws")
                        ? channelUrl
                        : "ws://" + server.getHost() + ":" + server.getPort() + channelUrl);
    }

    /** The open socket; fails with the status if the handshake is refused. Null origin or cookie: not sent. */
    public static WebSocket open(URI socket, String origin, String cookie, Inbox inbox) {
        Object answer = handshake(socket, origin, cookie, inbox);
        if (answer instanceof WebSocket opened) {
            return opened;
        }
        throw new AssertionError("the push handshake was refused: " + answer);
    }

    /** The status the handshake is refused with; fails, closing the socket, if it is accepted. */
    public static int refusal(URI socket, String origin, String cookie, String why) {
        Object answer = handshake(socket, origin, cookie, new Inbox());
        if (answer instanceof WebSocket opened) {
            opened.abort();
            throw new AssertionError("the handshake was accepted: " + why);
        }
        return (Integer) answer;
    }

    /**
     * The status a handshake is refused with once the server has counted the sockets already open:
     * it counts a socket when its open event comes, which may follow the handshake's answer, so
     * one asked for just after the last may still pass (and is closed again). Fails, closing the
     * socket, if every handshake within {@code within} is accepted.
     */
    public static int refusalOnceCounted(URI socket, String origin, String cookie, Duration within, String why)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Object answer = handshake(socket, origin, cookie, new Inbox());
            if (!(answer instanceof WebSocket opened)) {
                return (Integer) answer;
            }
            opened.abort();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("every handshake was accepted for " + within + ": " + why);
            }
            Thread.sleep(50);
        }
    }

    /** Opens a websocket, or answers the status the handshake was refused with. */
    private static Object handshake(URI socket, String origin, String cookie, Inbox inbox) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        try {
            return builder.buildAsync(socket, inbox).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
