package com.tictactoe.web.guards;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Reads the body of a page's form. A request thread waits while a body trickles in, and the pool
 * has few threads (deploy/payara-preboot.asadmin), so a handful of clients sending a byte now and
 * then could otherwise hold every one of them: a body the container has not received by the time
 * the request runs may only be waited for by {@value #SLOW_READERS} threads at once, for at most
 * {@link #DEADLINE} in all. A browser's form arrives with its head, or just after; whatever is
 * slower than that is cut off, and the other threads keep serving the players.
 */
public final class FormBodies {

    /** Threads that may wait for bodies still on their way, however many the pool has. */
    static final int SLOW_READERS = 2;
    /** The longest wait for a whole body. */
    public static final Duration DEADLINE = Duration.ofSeconds(5);

    private static final Semaphore WAITING = new Semaphore(SLOW_READERS);

    /** Why a body was not read; the client is then answered and disconnected. */
    static final class NotReceived extends Exception {

        private static final long serialVersionUID = 1L;

        NotReceived(String message) {
            super(message, null, false, false);
        }
    }

    private FormBodies() {}

    /** The body of {@code length} bytes, read at once if the container holds it, else waited for. */
    static byte[] read(HttpServletRequest request, int length) throws NotReceived, IOException {
        ServletInputStream in = request.getInputStream();
        if (length == 0) {
            return new byte[0];
        }
        if (in.available() >= length) {
            return in.readNBytes(length);
        }
        if (!WAITING.tryAcquire()) {
            throw new NotReceived("too many slow bodies at once");
        }
        try {
            return readBefore(in, length, System.nanoTime() + DEADLINE.toNanos());
        } finally {
            WAITING.release();
        }
    }

    /**
     * Each read returns as soon as some bytes arrive, or fails after the transport's read timeout
     * (deploy/payara-preboot.asadmin), so the deadline is checked at least that often.
     */
    private static byte[] readBefore(ServletInputStream in, int length, long deadline) throws NotReceived {
        ByteArrayOutputStream body = new ByteArrayOutputStream(length);
        byte[] buffer = new byte[Math.min(length, 8192)];
        try {
            while (body.size() < length) {
                if (System.nanoTime() - deadline > 0) {
                    throw new NotReceived("body not received in time");
                }
                int read = in.read(buffer, 0, Math.min(buffer.length, length - body.size()));
                if (read < 0) {
                    throw new NotReceived("body cut short");
                }
                body.write(buffer, 0, read);
            }
        } catch (IOException timedOutOrGone) {
            throw new NotReceived("body not received in time");
        }
        return body.toByteArray();
    }
}
