package com.tictactoe.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Clients that post the sign-in form a few bytes at a time, to hold the server's threads that read
 * form bodies: each announces a 4,000-byte body, sends a few bytes of it and then 4 bytes every 3 s,
 * so that no read of the server ever waits long without a byte. When the server answers one or
 * closes it, another takes its place: {@code count} are always trying. Started by {@link #start},
 * ended by {@link #stop()}.
 */
final class SlowClients implements AutoCloseable {

    private static final int BODY_LENGTH = 4000;
    private static final byte[] FIRST_BYTES = "u=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRICKLE = "aaaa".getBytes(StandardCharsets.US_ASCII);
    private static final long TRICKLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * The counts of the slow clients from start to stop; {@code cutOff} by how the server ended
     * them: the status it answered, "closed" or "reset".
     */
    record Figures(int count, long opened, Map<String, Long> cutOff, long notConnected, Latencies timeToCutOff) {

        long cutOffTotal() {
            return cutOff.values().stream().mapToLong(Long::longValue).sum();
        }

        String summary() {
            return String.format(
                    "%d at once: %d opened, %d cut off (%s), median time to cut-off %s ms (p90 %s ms),"
                            + " %d still open at the end%s",
                    count,
                    opened,
                    cutOffTotal(),
                    cutOff.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    Latencies.ms(timeToCutOff.millis(50)),
                    Latencies.ms(timeToCutOff.millis(90)),
                    opened - cutOffTotal(),
                    notConnected == 0 ? "" : ", " + notConnected + " connections refused or timed out");
        }
    }

    private final InetSocketAddress server;
    private final byte[] head;
    private final List<Thread> slots = new ArrayList<>();
    /** The sockets open now, closed by {@link #stop()} to wake their threads. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private final LongAdder opened = new LongAdder();
    private final LongAdder notConnected = new LongAdder();
    private final Map<String, LongAdder> cutOff = new ConcurrentHashMap<>();
    private final Latencies timeToCutOff = new Latencies();
    private volatile boolean running = true;
    private Figures figures;

    private SlowClients(URI base, String path) {
        server = new InetSocketAddress(base.getHost(), base.getPort());
        head = ("POST " + path + " HTTP/1.1\r\n"
                        + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + BODY_LENGTH + "\r\n"
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} slow clients posting to {@code path} (absolute) of {@code base}, each replaced when it ends. */
    static SlowClients start(URI base, int count, String path) {
        SlowClients clients = new SlowClients(base, path);
        for (int s = 0; s < count; s++) {
            Thread slot = new Thread(
                    () -> {
                        while (clients.running) {
                            clients.oneClient();
                        }
                    },
                    "slow-client-" + s);
            slot.setDaemon(true);
            clients.slots.add(slot);
            slot.start();
        }
        return clients;
    }

    /** One client, from its connection until the server ends it (or the run does). */
    private void oneClient() {
        Socket socket = new Socket();
        open.add(socket);
        try (socket) {
            try {
                socket.connect(server, 5000);
            } catch (IOException e) {
                if (running) {
                    notConnected.increment();
                    pause(); // a server refusing connections is not to be spun against
                }
                return;
            }
            opened.increment();
            long connected = System.nanoTime();
            String ending = trickleUntilEnded(socket);
            if (running && ending != null) {
                timeToCutOff.add(System.nanoTime() - connected);
                cutOff.computeIfAbsent(ending, kind -> new LongAdder()).increment();
            }
        } catch (IOException closing) {
            // the socket was done with anyway
        } finally {
            open.remove(socket);
        }
    }

    /**
     * Sends the head and the body's first bytes, then the rest 4 bytes at a time, waiting for the
     * server between sends; how the server ended the client (its status, "closed" or "reset"),
     * null if the run did.
     */
    private String trickleUntilEnded(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head);
            out.write(FIRST_BYTES);
            out.flush();
            int sent = FIRST_BYTES.length;
            long nextSend = System.nanoTime() + TRICKLE_EVERY_NANOS;
            while (running) {
                long wait = nextSend - System.nanoTime();
                if (wait <= 0) {
                    // a whole body would be served; at this pace it takes far longer than any run
                    if (sent + TRICKLE.length <= BODY_LENGTH) {
                        out.write(TRICKLE);
                        out.flush();
                        sent += TRICKLE.length;
                    }
                    nextSend += TRICKLE_EVERY_NANOS;
                    continue;
                }
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                try {
                    int first = in.read();
                    return first < 0 ? "closed" : status(first, in);
                } catch (SocketTimeoutException quiet) {
                    // the server still waits: time for the next bytes
                }
            }
            return null;
        } catch (IOException e) {
            return running ? "reset" : null;
        }
    }

    /** The status code of the answer whose first byte was {@code first}, e.g. "408". */
    private static String status(int first, InputStream in) throws IOException {
        StringBuilder line = new StringBuilder().append((char) first);
        for (int b = in.read(); b >= 0 && b != '\n' && line.length() < 200; b = in.read()) {
            line.append((char) b);
        }
        String[] parts = line.toString().trim().split(" ");
        return parts.length > 1 ? parts[1] : "answered";
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every client and stops opening new ones; what the clients met. */
    synchronized Figures stop() throws InterruptedException {
        if (figures == null) {
            running = false;
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // it is being closed anyway
                }
            }
            for (Thread slot : slots) {
                slot.join(10_000);
            }
            Map<String, Long> ended = new TreeMap<>();
            cutOff.forEach((kind, adder) -> ended.put(kind, adder.sum()));
            figures = new Figures(slots.size(), opened.sum(), ended, notConnected.sum(), timeToCutOff);
        }
        return figures;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
