package com.tictactoe.infrastructure.microprofile;

import org.eclipse.microprofile.health.Readiness;

/**
 * Switches MicroProfile Health on for this application on Payara, whose deployer does so only for
 * an application that has a class annotated {@code @Readiness}, {@code @Liveness}, {@code @Startup}
 * or JAX-RS's {@code @Path} (its {@code HealthSniffer}); without it {@code /health} answers UP with
 * no checks at all. The checks themselves carry no annotation ({@code MicroProfileAdapters} says
 * why). Nothing uses this class: the annotation is all it is for, and the JVM ignores an annotation
 * whose type is missing, so it loads on a server without MicroProfile too.
 */
@Readiness
final class HealthActivation {

    private HealthActivation() {}
}
