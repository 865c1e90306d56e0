package com.tictactoe.web.live;

import com.tictactoe.application.GameMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.inject.Inject;

/** Counts the pages with an open push websocket, from the events Faces fires as sockets open and close. */
@ApplicationScoped
public class LivePages {

    @Inject
    private GameMetrics metrics;

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        metrics.livePageOpened();
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        metrics.livePageClosed();
    }
}
