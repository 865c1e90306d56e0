package com.tictactoe.web.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs pushes off the request thread, on threads of its own.
 *
 * <p>Why not {@code Event.fireAsync} or a {@code ManagedExecutorService}: both capture the
 * caller's context for every task, and Payara looks up its context providers through a
 * {@code ServiceLoader} each time, which reads the jars on the class path: 3.5% of the server's
 * CPU in whole games (JFR). A {@code ManagedThreadFactory} captures the application's context once
 * per thread instead; outside a container (tests) plain threads do.
 */
@ApplicationScoped
public class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class.getName());

    /** Sending a push is quick: two threads keep up with a thousand watchers of one game. */
    static final int THREADS = 2;
    /**
     * Pushes waiting beyond this are dropped, with a warning: their pages still catch up by
     * polling, and a stuck websocket must not make the server's memory grow without end.
     */
    static final int MAX_WAITING = 20_000;

    @Resource
    private ManagedThreadFactory managedThreads;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        ThreadFactory threads = managedThreads != null ? managedThreads : Executors.defaultThreadFactory();
        executor = new ThreadPoolExecutor(
                THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING), threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    void send(Runnable push) {
        try {
            executor.execute(push);
        } catch (RejectedExecutionException e) {
            LOG.log(
                    Level.WARNING,
                    "A push was dropped: {0} pushes are waiting already",
                    executor.getQueue().size());
        }
    }
}
