package com.tictactoe.benchmark;

import com.tictactoe.testsupport.ServerMetrics;
import java.util.Optional;

/**
 * The hostile scenario's results: the players' lobby without and under the anonymous attack, side
 * by side, then what the attack itself got and what it cost the server.
 *
 * @param metricsBefore the server's metrics as the attack began; empty if they could not be read
 * @param metricsAfter  the same as it ended
 */
record AttackReport(
        Benchmark.Row calm,
        Benchmark.Row attacked,
        AnonymousFlood.Figures flood,
        SlowClients.Figures slowClients,
        Optional<ServerMetrics> metricsBefore,
        Optional<ServerMetrics> metricsAfter) {

    static final String SESSIONS_CREATED = "tictactoe_sessions_created_total";

    void print() {
        System.out.printf("==== Hostile: the players' lobby under an anonymous attack ====%n%n");
        System.out.println(
                "| scenario | players' lobby pages/s | p50 ms | p90 ms | p99 ms | errors | app RSS MB (peak) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Benchmark.Row row : new Benchmark.Row[] {calm, attacked}) {
            System.out.printf(
                    "| %s | %.1f | %s | %s | %s | %d | %d (%d) |%n",
                    row.name,
                    row.actions / row.seconds,
                    Latencies.ms(row.p50),
                    Latencies.ms(row.p90),
                    Latencies.ms(row.p99),
                    row.errors,
                    row.rssMb,
                    row.peakRssMb);
        }
        System.out.printf("%nAnonymous flood: %s%n", flood.summary());
        System.out.printf("Slow clients: %s%n", slowClients.summary());
        System.out.printf("Sessions created during the attack (%s): %s%n%n", SESSIONS_CREATED, sessionsCreated());
    }

    /** With the counter's values, so that a 0 can be told from a counter that was not found. */
    String sessionsCreated() {
        if (metricsBefore.isEmpty() || metricsAfter.isEmpty()) {
            return "unknown (the metrics could not be read)";
        }
        ServerMetrics before = metricsBefore.get();
        ServerMetrics after = metricsAfter.get();
        if (!after.has(SESSIONS_CREATED)) {
            return "0 (not published: no session created since the server started)";
        }
        return String.format(
                "%.0f (from %.0f to %.0f)",
                after.since(before, SESSIONS_CREATED), before.value(SESSIONS_CREATED), after.value(SESSIONS_CREATED));
    }
}
