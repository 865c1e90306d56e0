package com.tictactoe.web.guards;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Refusals answered only after a {@link #PAUSE}, which the request waits out without a thread
 * (asynchronously): a form whose body did not come in time, a visitor's request when too many wait
 * for a turn. Answered at once, a client refused came straight back, thousands of times a second,
 * and accepting, refusing and closing its requests took the cores and threads from every player's.
 * At most {@value #PAUSED_AT_MOST} wait at once on each instance (PostbackGuard and TurnGate have one
 * each), each holding a connection and its request; beyond that, or where the request cannot wait
 * that way, the caller answers at once.
 */
public final class PausedAnswers implements AutoCloseable {

    /** How long a refused request waits for its answer. */
    public static final Duration PAUSE = Duration.ofSeconds(2);
    /** Refusals waiting at once. */
    static final int PAUSED_AT_MOST = 256;

    private final Semaphore paused = new Semaphore(PAUSED_AT_MOST);
    /** The answers not given yet; an executor shut down cancels its tasks instead of running them. */
    private final Set<Runnable> pending = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService timer;

    PausedAnswers(String name) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Whether {@code request} now waits out the pause; {@code answer} then completes it or dispatches
     * it to the page that answers it. If not, the caller answers at once.
     */
    boolean pause(HttpServletRequest request, Consumer<AsyncContext> answer) {
        if (!request.isAsyncSupported() || !paused.tryAcquire()) {
            return false;
        }
        try {
            AsyncContext waiting = request.startAsync();
            waiting.setTimeout(0);
            Runnable once = new Runnable() {
                @Override
                public void run() {
                    if (pending.remove(this)) {
                        answer(waiting, answer);
                    }
                }
            };
            pending.add(once);
            timer.schedule(once, PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RuntimeException cannotWait) {
            paused.release();
            throw cannotWait;
        }
    }

    private void answer(AsyncContext waiting, Consumer<AsyncContext> answer) {
        try {
            answer.accept(waiting);
        } catch (RuntimeException alreadyGone) {
            // the client left; its connection is closed either way
        } finally {
            paused.release();
        }
    }

    /** Answers every request still waiting, now. */
    @Override
    public void close() {
        timer.shutdownNow();
        pending.forEach(Runnable::run);
    }
}
