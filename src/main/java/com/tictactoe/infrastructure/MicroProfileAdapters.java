package com.tictactoe.infrastructure;

import com.tictactoe.application.UncountedGameMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.literal.InjectLiteral;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.annotation.Annotation;
import java.util.logging.Logger;

/**
 * Makes the MicroProfile Health and Metrics adapters of this package beans where the server has
 * those APIs (Payara, Open Liberty; WildFly has Health only), and leaves them alone where it has
 * not (GlassFish): where Metrics is there, its adapters replace {@link UncountedDynamoCalls} and
 * {@link UncountedGameMetrics}.
 *
 * <p>The adapters carry no annotation at all, not even {@code @Inject} or a qualifier, and are named
 * here by strings: GlassFish loads every class that carries an annotation it processes while it
 * deploys, and a class naming a missing API then fails the whole deployment. This extension gives
 * them their scope, their qualifier ({@code @Readiness}, {@code @Liveness}), an {@code @Inject} on
 * each field of a MicroProfile type and a {@code @PreDestroy} on a {@code close()} method.
 *
 * <p>On Payara, a type added by an extension lands in a bean archive of its own, which the
 * application's beans can see but which cannot see theirs (an injection of an application bean
 * into it is unsatisfied). So the adapters inject only what the server provides (the metric
 * registry), and the readiness check makes its own {@link StoreProbe} from the settings.
 */
public class MicroProfileAdapters implements Extension {

    private static final Logger LOG = Logger.getLogger(MicroProfileAdapters.class.getName());

    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";

    private final boolean health = available(HEALTH_API);
    private final boolean metrics = available(METRICS_API);

    void addAdapters(@Observes BeforeBeanDiscovery discovery) {
        LOG.info(() -> "MicroProfile Health " + (health ? "found" : "absent") + ", MicroProfile Metrics "
                + (metrics ? "found" : "absent"));
        if (health) {
            add(discovery, "com.tictactoe.infrastructure.microprofile.DynamoDbReadiness")
                    .add(literal("org.eclipse.microprofile.health.Readiness"));
            add(discovery, "com.tictactoe.infrastructure.microprofile.ApplicationLiveness")
                    .add(literal("org.eclipse.microprofile.health.Liveness"));
        }
        if (metrics) {
            add(discovery, "com.tictactoe.infrastructure.microprofile.MicroProfileDynamoCallMetrics");
            add(discovery, "com.tictactoe.infrastructure.microprofile.MicroProfileGameMetrics");
        }
    }

    void replaceUncountedCalls(@Observes ProcessAnnotatedType<UncountedDynamoCalls> uncounted) {
        if (metrics) {
            uncounted.veto();
        }
    }

    void replaceUncountedGames(@Observes ProcessAnnotatedType<UncountedGameMetrics> uncounted) {
        if (metrics) {
            uncounted.veto();
        }
    }

    /** An application-scoped bean of the named class, its MicroProfile fields injected. */
    static AnnotatedTypeConfigurator<?> add(BeforeBeanDiscovery discovery, String className) {
        AnnotatedTypeConfigurator<?> type = discovery
                .addAnnotatedType(load(className), MicroProfileAdapters.class.getName() + "/" + className)
                .add(ApplicationScoped.Literal.INSTANCE);
        type.filterFields(field -> field.getJavaMember().getType().getName().startsWith("org.eclipse.microprofile."))
                .forEach(field -> field.add(InjectLiteral.INSTANCE));
        type.filterMethods(method -> method.getJavaMember().getName().equals("close")
                        && method.getJavaMember().getParameterCount() == 0)
                .forEach(method -> method.add(PreDestroyLiteral.INSTANCE));
        return type;
    }

    /** The {@code Literal.INSTANCE} of a MicroProfile qualifier, found by name. */
    static Annotation literal(String qualifier) {
        try {
            return (Annotation)
                    load(qualifier + "$Literal").getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No " + qualifier + ".Literal", e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, true, MicroProfileAdapters.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean available(String apiClass) {
        try {
            Class.forName(apiClass, false, MicroProfileAdapters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("all") // an annotation instance, the way CDI makes them
    private static final class PreDestroyLiteral extends AnnotationLiteral<PreDestroy> implements PreDestroy {
        static final PreDestroyLiteral INSTANCE = new PreDestroyLiteral();
        private static final long serialVersionUID = 1L;
    }
}
