package com.tictactoe.web.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives Tyrus, the websocket implementation of Payara and GlassFish, a plain scheduler for its
 * sockets' idle timers instead of the server's default managed one.
 *
 * <p>Why: Tyrus schedules an idle-timeout task for every socket it opens and for every message it
 * sends or receives, even when no idle timeout is set, on {@code
 * java:comp/DefaultManagedScheduledExecutorService}. A managed executor captures the caller's
 * context for each task, and Payara looks up its context providers through a {@code ServiceLoader}
 * every time, reading the resources of every module of the server: in whole games that was about an
 * eighth of the app's CPU (JFR, performance.md). Tyrus has no setting for another executor, so the
 * one its container keeps is replaced before the first socket opens. The timer's task only closes a
 * socket idle beyond its timeout; it runs on a thread made by the application's {@code
 * ManagedThreadFactory}, which captured the application's context once, when it was created.
 *
 * <p>On a server whose websocket container is not Tyrus, or a Tyrus that keeps its executor under
 * another name, nothing is changed and the server's log says so once.
 */
@WebListener
public class SocketIdleTimers implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SocketIdleTimers.class.getName());

    /** The field of Tyrus's {@code BaseContainer} that holds the server's managed scheduler. */
    static final String TYRUS_FIELD = "managedScheduledExecutorService";

    /** Idle timers are short tasks; without an idle timeout they end at once. */
    private static final int THREADS = 1;

    private static final long IDLE_THREAD_SECONDS = 60;

    @Resource
    private ManagedThreadFactory managedThreads;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        ThreadFactory threads = managedThreads != null ? managedThreads : Executors.defaultThreadFactory();
        if (replaceScheduler(container, scheduler(threads))) {
            LOG.info("Websocket idle timers run on a scheduler of the application's own");
        } else {
            LOG.log(
                    Level.INFO,
                    "Websocket idle timers left to the server: its websocket container is {0}",
                    container == null ? "not found" : container.getClass().getName());
        }
    }

    static ScheduledThreadPoolExecutor scheduler(ThreadFactory threads) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(THREADS, threads);
        // Every message cancels the socket's previous timer: cancelled timers must not pile up.
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setKeepAliveTime(IDLE_THREAD_SECONDS, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        return scheduler;
    }

    /**
     * Puts {@code scheduler} in place of the managed scheduler that {@code container} keeps, if it
     * is a Tyrus container; returns whether it did.
     */
    static boolean replaceScheduler(Object container, ScheduledExecutorService scheduler) {
        Field field = container == null ? null : tyrusField(container.getClass());
        if (field == null) {
            scheduler.shutdown();
            return false;
        }
        try {
            field.setAccessible(true);
            if (field.get(container) == null) {
                // Tyrus found no managed scheduler and makes a plain one of its own.
                scheduler.shutdown();
                return false;
            }
            field.set(container, scheduler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Tyrus's scheduler could not be replaced", e);
            scheduler.shutdown();
            return false;
        }
    }

    private static Field tyrusField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(TYRUS_FIELD)
                        && field.getType() == ScheduledExecutorService.class
                        && !Modifier.isStatic(field.getModifiers())) {
                    return field;
                }
            }
        }
        return null;
    }
}
