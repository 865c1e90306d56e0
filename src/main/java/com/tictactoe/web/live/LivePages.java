package com.tictactoe.web.live;

import com.tictactoe.application.GameMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pages with an open push websocket, counted from the events Faces fires as sockets open and
 * close: in all and per player (the socket's user), for the metrics and for {@link SocketLimits}.
 */
@ApplicationScoped
public class LivePages {

    @Inject
    private GameMetrics metrics;

    private SocketLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> byPlayer = new ConcurrentHashMap<>();

    @PostConstruct
    void readLimits() {
        limits = SocketLimits.fromEnvironment();
    }

    /**
     * Whether the player may open one more socket here ({@link #full} says it for the server).
     * Handshakes under way are not counted until their socket opens: a few more than the limits
     * can open at once, never without bound.
     */
    boolean hasRoomFor(String player) {
        return byPlayer.getOrDefault(player, 0) < limits.perPlayer();
    }

    /** Whether the server as a whole holds as many sockets as it may. */
    boolean full() {
        return open.get() >= limits.total();
    }

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        open.incrementAndGet();
        byPlayer.merge(playerOf(event), 1, Integer::sum);
        metrics.livePageOpened();
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        open.decrementAndGet();
        byPlayer.computeIfPresent(playerOf(event), (player, sockets) -> sockets > 1 ? sockets - 1 : null);
        metrics.livePageClosed();
    }

    private static String playerOf(WebsocketEvent event) {
        return Objects.toString(event.getUser(), "");
    }
}
