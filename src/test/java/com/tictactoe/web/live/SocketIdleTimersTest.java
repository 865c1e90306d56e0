package com.tictactoe.web.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which websocket containers get the application's scheduler for their idle timers. */
class SocketIdleTimersTest {

    /** Shaped as Tyrus's BaseContainer keeps the server's managed scheduler. */
    static class TyrusLikeBase {
        private final ScheduledExecutorService managedScheduledExecutorService;

        TyrusLikeBase(ScheduledExecutorService managed) {
            this.managedScheduledExecutorService = managed;
        }

        ScheduledExecutorService scheduler() {
            return managedScheduledExecutorService;
        }
    }

    static class TyrusLikeServerContainer extends TyrusLikeBase {
        TyrusLikeServerContainer(ScheduledExecutorService managed) {
            super(managed);
        }
    }

    static class OtherContainer {
        @SuppressWarnings("unused")
        private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    }

    private final ScheduledExecutorService managed = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledThreadPoolExecutor ours = SocketIdleTimers.scheduler(Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        managed.shutdownNow();
        ours.shutdownNow();
    }

    @Test
    void aTyrusContainersManagedSchedulerIsReplacedByTheApplications() {
        TyrusLikeServerContainer container = new TyrusLikeServerContainer(managed);

        assertTrue(SocketIdleTimers.replaceScheduler(container, ours));
        assertSame(ours, container.scheduler());
        assertFalse(ours.isShutdown());
    }

    @Test
    void aTyrusWithoutAManagedSchedulerKeepsItsOwn() {
        TyrusLikeServerContainer container = new TyrusLikeServerContainer(null);

        assertFalse(SocketIdleTimers.replaceScheduler(container, ours));
        assertSame(null, container.scheduler());
        assertTrue(ours.isShutdown());
    }

    @Test
    void anotherServersContainerOrNoneIsLeftAlone() {
        assertFalse(SocketIdleTimers.replaceScheduler(new OtherContainer(), ours));
        assertFalse(SocketIdleTimers.replaceScheduler(null, ours));
        assertTrue(ours.isShutdown());
    }

    @Test
    void cancelledTimersDoNotPileUp() {
        for (int i = 0; i < 1_000; i++) {
            ours.schedule(() -> {}, 1, TimeUnit.HOURS).cancel(false);
        }
        assertTrue(ours.getQueue().isEmpty());
    }
}
