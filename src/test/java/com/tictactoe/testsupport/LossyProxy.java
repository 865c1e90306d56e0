package com.tictactoe.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP relay on loopback in front of DynamoDB Local that can lose an answer: the request is
 * passed on and carried out, but the connection is cut before the answer gets back, as when a
 * network fails at the worst moment. The SDK then retries a request that was already applied.
 */
public final class LossyProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final ServerSocket server;
    private final URI target;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TestTimeouts.HTTP_CONNECT).build();
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> answersToLose = new ConcurrentHashMap<>();
    private final AtomicInteger lost = new AtomicInteger();

    private LossyProxy(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::acceptLoop);
    }

    public static LossyProxy to(String endpoint) {
        try {
            return new LossyProxy(URI.create(endpoint));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The next answer to this DynamoDB operation (e.g. "UpdateItem") is lost on its way back. */
    public void loseNextAnswerTo(String operation) {
        answersToLose.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
    }

    /** Answers go through again, however many were still to be lost. */
    public void stopLosingAnswers() {
        answersToLose.clear();
    }

    public int answersLost() {
        return lost.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = readLine(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    headers.put(
                            line.substring(0, colon).trim(),
                            line.substring(colon + 1).trim());
                }
                byte[] body = in.readNBytes(Integer.parseInt(header(headers, "content-length", "0")));

                HttpRequest.Builder forward = HttpRequest.newBuilder(
                                target.resolve(requestLine.split(" ")[1]))
                        .method(requestLine.split(" ")[0], HttpRequest.BodyPublishers.ofByteArray(body))
                        .timeout(TestTimeouts.HTTP_REQUEST);
                headers.forEach((name, value) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                        forward.header(name, value);
                    }
                });
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());

                String operation = header(headers, "x-amz-target", "");
                operation = operation.substring(operation.indexOf('.') + 1);
                AtomicInteger toLose = answersToLose.get(operation);
                if (toLose != null && toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    lost.incrementAndGet();
                    return; // the request was carried out; its answer never arrives
                }
                write(out, answer);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, or we cut it off: either ends this connection
        }
    }

    private static void write(OutputStream out, HttpResponse<byte[]> answer) throws IOException {
        StringBuilder head =
                new StringBuilder("HTTP/1.1 ").append(answer.statusCode()).append(" X\r\n");
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                for (String value : values) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
        });
        head.append("Content-Length: ").append(answer.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.body());
        out.flush();
    }

    private static String header(Map<String, String> headers, String name, String otherwise) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(otherwise);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
