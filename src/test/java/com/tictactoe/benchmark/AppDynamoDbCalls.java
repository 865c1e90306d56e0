package com.tictactoe.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DynamoDB calls the app made, by operation, as its own counters say: read from the Prometheus
 * text the app serves at {@code /metrics}, on its metrics port or its own. Every counter sample whose name mentions
 * DynamoDB and that carries an {@code operation} label counts, summed over its other labels (such as
 * the outcome), e.g. {@code tictactoe_dynamodb_calls_total{operation="Query",outcome="ok"} 12}.
 */
final class AppDynamoDbCalls {

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+([-+0-9.eE]+|NaN)(?:\\s+\\d+)?$");
    private static final Pattern OPERATION = Pattern.compile("(?:^|,)\\s*operation=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> candidates;
    private volatile URI metrics;

    /** @param candidates where the metrics may be served, in order of preference */
    AppDynamoDbCalls(List<URI> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** Where the counters were found; empty until they were. */
    /** Where the counters are looked for. */
    List<URI> sources() {
        return candidates;
    }

    Optional<URI> source() {
        return Optional.ofNullable(metrics);
    }

    /** Calls so far by operation; empty if the app does not say. */
    Optional<Map<String, Long>> snapshot() {
        if (metrics != null) {
            return read(metrics);
        }
        for (URI candidate : candidates) {
            Optional<Map<String, Long>> calls = read(candidate);
            if (calls.isPresent()) {
                metrics = candidate;
                return calls;
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, Long>> read(URI uri) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10))
                            .header("Accept", "text/plain")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Map<String, Long> calls = parse(response.body());
            return calls.isEmpty() ? Optional.empty() : Optional.of(calls);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * One metric is read: of the DynamoDB metrics with an {@code operation} label, a counter
     * ({@code _total}) whose name says calls or requests, else any counter, else a histogram's or
     * summary's {@code _count}; its samples are summed by operation.
     */
    static Map<String, Long> parse(String text) {
        Map<String, Map<String, Long>> byMetric = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches() || !sample.group(1).toLowerCase().contains("dynamodb")) {
                continue;
            }
            Matcher operation = OPERATION.matcher(sample.group(2));
            if (operation.find()) {
                byMetric.computeIfAbsent(sample.group(1), name -> new TreeMap<>())
                        .merge(operation.group(1), Math.round(Double.parseDouble(sample.group(3))), Long::sum);
            }
        }
        return byMetric.keySet().stream()
                .filter(name -> name.endsWith("_total") && (name.contains("call") || name.contains("request")))
                .findFirst()
                .or(() -> byMetric.keySet().stream()
                        .filter(name -> name.endsWith("_total"))
                        .findFirst())
                .or(() -> byMetric.keySet().stream()
                        .filter(name -> name.endsWith("_count"))
                        .findFirst())
                .map(byMetric::get)
                .orElse(Map.of());
    }

    /** The calls made between two snapshots, by operation (operations without calls left out). */
    static Map<String, Long> between(Optional<Map<String, Long>> before, Optional<Map<String, Long>> after) {
        Map<String, Long> made = new TreeMap<>();
        if (before.isEmpty() || after.isEmpty()) {
            return made;
        }
        after.get().forEach((operation, count) -> {
            long delta = count - before.get().getOrDefault(operation, 0L);
            if (delta != 0) {
                made.put(operation, delta);
            }
        });
        return made;
    }
}
