package com.tictactoe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a server's /metrics in Prometheus text, from the metrics listener that the tests
 * give the port {@code metrics.port} (see {@link DynamoDbLocalSession}).
 */
public final class ServerMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private ServerMetrics(List<Sample> samples) {
        this.samples = samples;
    }

    /** The metrics listener of the servers Arquillian starts. */
    public static URI endpoint() {
        String port = System.getProperty("metrics.port");
        if (port == null) {
            throw new IllegalStateException("metrics.port is not set: DynamoDbLocalSession did not run");
        }
        return URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    public static ServerMetrics scrape() {
        return scrape(endpoint());
    }

    public static ServerMetrics scrape(URI metrics) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(metrics)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(metrics + " answered " + answer.statusCode());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ServerMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new ServerMetrics(samples);
    }

    /**
     * The sum of the samples called {@code name} that carry all the labels given as name, value,
     * name, value...; 0 if there is none (a counter not yet touched is not published).
     */
    public double value(String name, String... labelsAndValues) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            wanted.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    /** How much {@code name} (with those labels) grew from {@code earlier} to this scrape. */
    public double since(ServerMetrics earlier, String name, String... labelsAndValues) {
        return value(name, labelsAndValues) - earlier.value(name, labelsAndValues);
    }
}
