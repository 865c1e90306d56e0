package com.tictactoe.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Visitors without an account asking for the pages anyone may open, as fast as the server answers:
 * each connection sends cookie-less GETs one after another, round-robin over the pages, and counts
 * the answers by status. Started by {@link #start}, ended by {@link #stop()}.
 */
final class AnonymousFlood implements AutoCloseable {

    /** The counts of one flood, from its start to its stop. */
    record Figures(
            int connections,
            double seconds,
            long answered,
            Map<Integer, Long> statuses,
            Map<String, Long> failures,
            Latencies latencies) {

        String summary() {
            return String.format(
                    "%d connections: %d answers in %.1f s, %.0f/s (%s); statuses %s; no answer %s",
                    connections,
                    answered,
                    seconds,
                    answered / seconds,
                    latencies.summary(),
                    counts(statuses),
                    failures.isEmpty() ? "0" : counts(failures));
        }

        private static String counts(Map<?, Long> counts) {
            return counts.entrySet().stream()
                    .map(count -> count.getKey() + ": " + count.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    private final List<URI> pages;
    private final List<Thread> workers = new ArrayList<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final long started = System.nanoTime();
    private volatile boolean running = true;
    private Figures figures;

    private AnonymousFlood(URI base, List<String> paths) {
        this.pages = paths.stream().map(path -> base.resolve(path)).toList();
    }

    /** {@code connections} connections flooding {@code paths} (absolute paths, with their query) of {@code base}. */
    static AnonymousFlood start(URI base, int connections, List<String> paths) {
        AnonymousFlood flood = new AnonymousFlood(base, paths);
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread worker = new Thread(() -> flood.send(first), "flood-" + c);
            worker.setDaemon(true);
            flood.workers.add(worker);
            worker.start();
        }
        return flood;
    }

    /**
     * One connection's requests. A client of its own, sending one request at a time, holds one
     * keep-alive connection, as a script would; starting at page {@code first} spreads the pages.
     */
    private void send(int first) {
        // no cookie handler: each request is a new visitor's
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        for (int i = first; running; i++) {
            HttpRequest request = HttpRequest.newBuilder(pages.get(i % pages.size()))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            long start = System.nanoTime();
            try {
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                latencies.add(System.nanoTime() - start);
                statuses.computeIfAbsent(answer.statusCode(), status -> new LongAdder())
                        .increment();
            } catch (IOException e) {
                if (running) {
                    failures.computeIfAbsent(e.getClass().getSimpleName(), kind -> new LongAdder())
                            .increment();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sending, waits for the answers on their way; what the flood got. */
    synchronized Figures stop() throws InterruptedException {
        if (figures == null) {
            running = false;
            double seconds = (System.nanoTime() - started) / 1e9;
            for (Thread worker : workers) {
                worker.join(15_000);
            }
            figures =
                    new Figures(workers.size(), seconds, latencies.count(), sums(statuses), sums(failures), latencies);
        }
        return figures;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static <K> Map<K, Long> sums(Map<K, LongAdder> adders) {
        Map<K, Long> sums = new TreeMap<>();
        adders.forEach((key, adder) -> sums.put(key, adder.sum()));
        return sums;
    }
}
