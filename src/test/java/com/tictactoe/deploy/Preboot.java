package com.tictactoe.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What deploy/payara-preboot.asadmin, which every server runs, sets up. */
final class Preboot {

    private static final Pattern METRICS_PORT =
            Pattern.compile("(?m)^create-system-properties tictactoe\\.metrics\\.port=(\\d+)$");

    private Preboot() {}

    /** The port of the listener that serves metrics and health on a thread pool of its own. */
    static int metricsPort() {
        try {
            Matcher port = METRICS_PORT.matcher(Files.readString(Path.of("deploy/payara-preboot.asadmin")));
            if (!port.find()) {
                throw new IllegalStateException("the preboot file names no metrics port");
            }
            return Integer.parseInt(port.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
