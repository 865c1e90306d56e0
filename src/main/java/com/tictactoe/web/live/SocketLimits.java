package com.tictactoe.web.live;

import com.tictactoe.application.Configuration;

/**
 * How many push websockets this server keeps open: for one player (their tabs and devices), and in
 * all. An open socket keeps its upgraded request, with that request's buffers, in the heap for as
 * long as it is open, so the total is what the heap holds beside the rest of the server; without
 * it, enough open pages (one signed-in client's alone) would run the server out of memory. A page
 * refused its socket follows by polling instead.
 *
 * @param perPlayer sockets one player may hold open here
 * @param total     sockets this server holds open at most ({@code tictactoe.push.max-sockets},
 *                  by default what the heap allows)
 */
public record SocketLimits(int perPlayer, int total) {

    static final String MAX_SOCKETS = "tictactoe.push.max-sockets";
    public static final int PER_PLAYER = 20;
    /** Heap an open socket takes, with a margin (src/docs/performance.md, the crowd scenario). */
    static final long HEAP_PER_SOCKET = 64 * 1024;
    /** Heap the server needs beside the sockets: the application, its caches, requests in flight. */
    static final long HEAP_BESIDE_SOCKETS = 100L * 1024 * 1024;

    static final int FEWEST = 100;

    static SocketLimits fromEnvironment() {
        int total = Configuration.count(MAX_SOCKETS, Configuration.value(MAX_SOCKETS))
                .orElseGet(() -> forHeap(Runtime.getRuntime().maxMemory()));
        return new SocketLimits(PER_PLAYER, total);
    }

    /** As many sockets as a heap of {@code maxHeap} bytes holds beside the rest of the server. */
    static int forHeap(long maxHeap) {
        return (int) Math.max(FEWEST, (maxHeap - HEAP_BESIDE_SOCKETS) / HEAP_PER_SOCKET);
    }
}
