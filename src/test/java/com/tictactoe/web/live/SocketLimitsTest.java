package com.tictactoe.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SocketLimitsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theHeapBesideTheServerIsSharedOutAmongSockets() {
        assertEquals((200 - 100) * 16, SocketLimits.forHeap(200 * MB));
        assertEquals((1024 - 100) * 16, SocketLimits.forHeap(1024 * MB));
    }

    @Test
    void aSmallHeapStillHoldsAFewSockets() {
        assertEquals(SocketLimits.FEWEST, SocketLimits.forHeap(64 * MB));
        assertEquals(SocketLimits.FEWEST, SocketLimits.forHeap(101 * MB));
    }
}
