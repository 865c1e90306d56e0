package com.tictactoe.web.guards;

import com.tictactoe.web.errors.RequestIds;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Answers a form whose body did not come in time ({@link FormBodies}): 408, no body, the connection
 * closed, and not before {@link #PAUSE} has passed. Answered at once, a client refused for want of a
 * free reader came straight back, thousands of times a second, and accepting, refusing and closing
 * its connections took the cores from every player's pages. Meanwhile the request waits without a
 * thread (asynchronously), at most {@value #PAUSED_AT_MOST} at once; beyond that, or where the
 * request cannot wait that way, it is answered at once. No error page: a browser sends a form with
 * its head, so whoever gets this is not reading pages.
 */
public final class SlowBodyRefusals implements AutoCloseable {

    /** How long a refused slow body waits for its answer. */
    public static final Duration PAUSE = Duration.ofSeconds(2);
    /** Refusals waiting at once; each holds a connection and its request, no thread. */
    static final int PAUSED_AT_MOST = 256;

    private final Semaphore paused = new Semaphore(PAUSED_AT_MOST);

    SlowBodyRefusals() {}

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slow-body-refusals");
        thread.setDaemon(true);
        return thread;
    });

    /** Refuses the form of {@code request}, giving {@code reason} to the failed-request log. */
    void refuse(HttpServletRequest request, HttpServletResponse response, String reason) {
        RequestIds.refused(request, reason);
        response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
        // The rest of the body is neither waited for nor read to keep the connection.
        response.setHeader("Connection", "close");
        response.setContentLength(0);
        if (!request.isAsyncSupported() || !paused.tryAcquire()) {
            return;
        }
        try {
            AsyncContext waiting = request.startAsync();
            waiting.setTimeout(0);
            timer.schedule(() -> answer(waiting), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException cannotWait) {
            paused.release();
            throw cannotWait;
        }
    }

    private void answer(AsyncContext waiting) {
        try {
            waiting.complete();
        } catch (RuntimeException alreadyGone) {
            // the client left; its connection is closed either way
        } finally {
            paused.release();
        }
    }

    /** Answers every refusal still waiting, now. */
    @Override
    public void close() {
        List<Runnable> waiting = timer.shutdownNow();
        waiting.forEach(Runnable::run);
    }
}
