package com.tictactoe.web.metrics;

import com.tictactoe.application.UncountedGameMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.literal.InjectLiteral;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Where the server has MicroProfile Metrics, makes
 * {@link com.tictactoe.web.microprofile.MicroProfileGameMetrics} the game's metrics instead of
 * {@link UncountedGameMetrics}. Where it has not (GlassFish, WildFly), the
 * adapter, which names the API, is never loaded: it carries no annotation (GlassFish loads every
 * class with one it processes, such as {@code @Inject}), and this extension names it by a string
 * and gives its registry field the {@code @Inject}.
 */
public class MicroProfileMetricsAdapter implements Extension {

    private static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";
    private static final String ADAPTER = "com.tictactoe.web.microprofile.MicroProfileGameMetrics";

    private final boolean metrics = available(METRICS_API);

    void addAdapter(@Observes BeforeBeanDiscovery discovery) throws ClassNotFoundException {
        if (metrics) {
            Class<?> adapter = Class.forName(ADAPTER, true, MicroProfileMetricsAdapter.class.getClassLoader());
            discovery
                    .addAnnotatedType(adapter, MicroProfileMetricsAdapter.class.getName() + "/" + ADAPTER)
                    .add(ApplicationScoped.Literal.INSTANCE)
                    .filterFields(
                            field -> field.getJavaMember().getType().getName().equals(METRICS_API))
                    .forEach(field -> field.add(InjectLiteral.INSTANCE));
        }
    }

    void replaceUncounted(@Observes ProcessAnnotatedType<UncountedGameMetrics> uncounted) {
        if (metrics) {
            uncounted.veto();
        }
    }

    static boolean available(String apiClass) {
        try {
            Class.forName(apiClass, false, MicroProfileMetricsAdapter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
