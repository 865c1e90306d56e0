package com.tictactoe.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A load balancer in miniature, on loopback: each connection goes to the first server of the list
 * that accepts it, byte for byte (HTTP and websockets alike), so that when that server stops, the
 * browser's next connection lands on the next one. No stickiness, no cookies of its own.
 */
public final class FailoverProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final ServerSocket server;
    private final List<Integer> serverPorts;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "failover-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private FailoverProxy(List<Integer> serverPorts) throws IOException {
        this.serverPorts = List.copyOf(serverPorts);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    /** In front of the servers on these loopback ports, the first preferred. */
    public static FailoverProxy to(Integer... serverPorts) {
        try {
            return new FailoverProxy(List.of(serverPorts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL base() {
        try {
            return new URL("http://127.0.0.1:" + server.getLocalPort() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        Socket upstream = connectToFirstServerUp();
        if (upstream == null) {
            closeQuietly(client);
            return;
        }
        threads.submit(() -> pipe(client, upstream));
        pipe(upstream, client);
    }

    private Socket connectToFirstServerUp() {
        for (int port : serverPorts) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException down) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies until either side ends, then ends both: a connection lives and dies with its server. */
    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // one side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
