package com.tictactoe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container's HEALTHCHECK program, compiled as the Dockerfile compiles it and run against a local server. */
class HealthProbeTest {

    private static final Path SOURCE = Path.of("deploy/container/HealthProbe.java");

    private final AtomicInteger status = new AtomicInteger();
    private HttpServer server;
    private Path classes;

    @BeforeEach
    void compileAndServe() throws IOException {
        classes = Files.createDirectories(Path.of("target/health-probe"));
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "--release", "17", "-d", classes.toString(), SOURCE.toString());
        assertEquals(0, compiled, "javac " + SOURCE);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyOnlyWhileTheServerAnswers200() throws Exception {
        String ready = "http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready";
        status.set(200);
        assertEquals(0, probe(ready));
        status.set(503);
        assertEquals(1, probe(ready));
        status.set(404);
        assertEquals(1, probe(ready));
        server.stop(0);
        assertEquals(1, probe(ready), "no server");
    }

    private int probe(String url) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classes.toString(),
                        "HealthProbe",
                        url)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not end");
        }
        return process.exitValue();
    }
}
