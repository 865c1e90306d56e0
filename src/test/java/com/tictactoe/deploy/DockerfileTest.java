package com.tictactoe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.run.PayaraMicroProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The container runs the server the pom, the local run and the tests run: the same Payara Micro
 * version, the same server options, the same pre-boot commands, and it joins the cluster as the
 * scale-out tests' servers do. No Docker engine is needed: the Dockerfile is read as text, and only
 * the entrypoint's shell line is run, by /bin/sh.
 */
class DockerfileTest {

    /** Options whose values name this machine's files or ports; they must be there, with any value. */
    private static final Set<String> LOCAL_VALUES = Set.of("--deploy", "--port", "--prebootcommandfile");

    /**
     * The container's cluster membership, which the single local server and the single-server tests
     * leave out with {@link #SINGLE_SERVER_ONLY}. Every other option must be in all three.
     */
    private static final Set<String> CONTAINER_ONLY = Set.of("--clustername", "--startport");

    private static final Set<String> SINGLE_SERVER_ONLY = Set.of("--nohazelcast");

    /** How a local cluster member, and no container, keeps its cluster on this machine. */
    private static final Set<String> LOOPBACK_ONLY = Set.of("--interfaces");

    /** Where the container's discovery mode comes from (the platform's: deploy/). */
    private static final String CLUSTER_MODE_VARIABLE = "PAYARA_CLUSTER_MODE";

    private final Dockerfile dockerfile = Dockerfile.read(Path.of("Dockerfile"));
    private final Dockerfile image = dockerfile.finalStage();
    private final Document pom = DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile());

    DockerfileTest() throws Exception {}

    @Test
    void runsThePayaraMicroVersionOfThePom() throws Exception {
        String payara = xpath("/project/properties/payara.version");
        assertEquals(
                "payara/micro:" + payara + "-jdk" + xpath("/project/properties/maven.compiler.release"),
                image.all("FROM").get(0).arguments());
    }

    @Test
    void buildsOnAPinnedMavenImageWithoutTheTestScope() throws Exception {
        Dockerfile.Instruction build = dockerfile.all("FROM").get(0);
        assertTrue(
                build.arguments().matches("maven:\\d+\\.\\d+\\.\\d+-eclipse-temurin-17 AS build"),
                "build stage on an exact Maven release: " + build.arguments());
        assertTrue(
                dockerfile.all("RUN").stream()
                        .anyMatch(run -> run.arguments().startsWith("mvn ")
                                && run.arguments().contains("-Dmaven.test.skip=true")
                                && run.arguments().endsWith(" package")),
                "the WAR is built with the tests skipped");
        // the profile that keeps a skipped test phase from resolving the test scope
        assertEquals("maven.test.skip", xpath("/project/profiles/profile[id='war-only']/activation/property/name"));
        assertEquals(
                "none",
                xpath("/project/profiles/profile[id='war-only']//plugin[artifactId='maven-surefire-plugin']"
                        + "/executions/execution[id='default-test']/phase"));
    }

    @Test
    void runsAsTheImagesUnprivilegedUser() {
        String user = image.last("USER").orElseThrow().arguments();
        assertEquals("payara", user);
        assertTrue(image.all("USER").stream()
                .noneMatch(each -> Set.of("root", "0").contains(each.arguments().split(":")[0])));
    }

    @Test
    void launchesWithTheOptionsOfTheLocalRunAndTheTests() throws Exception {
        Map<String, String> container = options(command());
        container.keySet().removeAll(CONTAINER_ONLY);
        PayaraMicroProcess local = new PayaraMicroProcess(
                Path.of("payara-micro.jar"),
                Path.of("app.war"),
                8080,
                "http://127.0.0.1:8000",
                Path.of("deploy/payara-preboot.asadmin"),
                "512m",
                ProcessBuilder.Redirect.INHERIT);
        Map<String, String> localRun = serverOptions(local.command());
        assertTrue(
                localRun.keySet().containsAll(SINGLE_SERVER_ONLY),
                localRun.keySet().toString());
        localRun.keySet().removeAll(SINGLE_SERVER_ONLY);
        assertEquals(comparable(localRun), comparable(container), "server options: local run vs Dockerfile");

        String arquillian = Files.readString(Path.of("src/test/resources/arquillian.xml"));
        Matcher extra = Pattern.compile("name=\"extraMicroOptions\">([^<]*)<").matcher(arquillian);
        assertTrue(extra.find());
        Map<String, String> tests = options(Arrays.asList(extra.group(1).strip().split("\\s+")));
        tests.keySet().removeAll(SINGLE_SERVER_ONLY);
        Map<String, String> containerWithoutDeployment = new LinkedHashMap<>(comparable(container));
        containerWithoutDeployment
                .keySet()
                .removeAll(Set.of("--deploy", "--contextroot", "--port")); // Arquillian's own
        assertEquals(comparable(tests), containerWithoutDeployment, "server options: Arquillian tests vs Dockerfile");
    }

    @Test
    void joinsTheClusterAsTheScaleOutTestsServersDo() throws Exception {
        Map<String, String> container = options(command());
        assertTrue(
                intersection(container.keySet(), SINGLE_SERVER_ONLY).isEmpty(),
                "a container without the cluster would not hear of its peers' changes: " + container.keySet());
        assertTrue(
                container.keySet().containsAll(CONTAINER_ONLY),
                container.keySet().toString());

        PayaraMicroProcess member = new PayaraMicroProcess(
                Path.of("payara-micro.jar"),
                Path.of("app.war"),
                8080,
                "http://127.0.0.1:8000",
                Path.of("deploy/payara-preboot.asadmin"),
                "512m",
                List.of(),
                ProcessBuilder.Redirect.INHERIT,
                new PayaraMicroProcess.LoopbackCluster("c", 5901, List.of(5901, 5902)));
        Map<String, String> memberOptions = serverOptions(member.command());
        memberOptions.keySet().removeAll(LOOPBACK_ONLY);
        Map<String, String> containerOptions =
                options(launched(Map.of(CLUSTER_MODE_VARIABLE, "dns:peers.example:5900")));
        assertEquals(
                new TreeSet<>(memberOptions.keySet()),
                new TreeSet<>(containerOptions.keySet()),
                "cluster options: ScaleOutIT's servers vs the container");
        assertEquals("dns:peers.example:5900", containerOptions.get("--clustermode"));
        assertTrue(exposed().contains(container.get("--startport")), "EXPOSE " + exposed());
        assertTrue(
                image.all("ENV").stream().anyMatch(env -> env.arguments().contains(CLUSTER_MODE_VARIABLE + "=")),
                "the image declares its discovery variable");
    }

    @Test
    void leavesTheDiscoveryModeToPayaraWhenThePlatformGivesNone() throws Exception {
        assertEquals(command(), launched(Map.of(CLUSTER_MODE_VARIABLE, "")));
    }

    @Test
    void passesTheSamePrebootCommandsAndDeploysTheBuiltWar() throws Exception {
        Map<String, String> container = options(command());
        assertEquals("deploy/payara-preboot.asadmin", copiedTo(container.get("--prebootcommandfile")));
        assertEquals("/src/target/" + xpath("/project/build/finalName") + ".war", copiedTo(container.get("--deploy")));
        assertTrue(
                xpath("/project/profiles/profile[id='run']//argument[starts-with(., '-Dpayara.preboot=')]")
                        .endsWith("/deploy/payara-preboot.asadmin"),
                "the local run passes the same file");
        assertTrue(
                xpath("//plugin[artifactId='maven-failsafe-plugin']//payara.preboot")
                        .endsWith("/deploy/payara-preboot.asadmin"),
                "the tests pass the same file");
    }

    @Test
    void checksReadinessOnTheProbesPortAndSizesTheHeapToTheContainer() {
        String port = options(command()).get("--port");
        assertTrue(exposed().contains(port), "EXPOSE " + exposed());
        // the metrics listener, on a thread pool of its own: it answers while every request thread waits
        String healthcheck = image.last("HEALTHCHECK").orElseThrow().arguments();
        List<String> probe = Dockerfile.execForm(healthcheck.substring(healthcheck.indexOf(" CMD ") + 5));
        assertEquals("http://127.0.0.1:" + Preboot.metricsPort() + "/health/ready", probe.get(probe.size() - 1));
        assertEquals("HealthProbe", probe.get(probe.size() - 2));
        String entrypoint = String.join(
                " ", Dockerfile.execForm(image.last("ENTRYPOINT").orElseThrow().arguments()));
        assertTrue(
                entrypoint.contains("-XX:MaxRAMPercentage=") && entrypoint.contains("-XX:+UseContainerSupport"),
                entrypoint);
        assertFalse(entrypoint.contains("-Xmx"), "a fixed heap ignores the container's memory limit");
        assertTrue(
                entrypoint.contains(" " + PayaraMicroProcess.JSON_PROVIDER + " "),
                "as the local run and the tests: " + entrypoint);
        for (String option : PayaraMicroProcess.FAIL_FAST_OPTIONS) {
            assertTrue(
                    entrypoint.contains(" " + option + " "),
                    "stops when its heap stays full, as the local run: " + option + " in " + entrypoint);
        }
        for (String option : PayaraMicroProcess.SCHEDULING_OPTIONS) {
            assertTrue(
                    entrypoint.contains(" " + option + " "),
                    "pages behind moves where the container may, as the local run: " + option + " in " + entrypoint);
        }
    }

    private List<String> command() {
        return Dockerfile.execForm(image.last("CMD").orElseThrow().arguments());
    }

    private List<String> exposed() {
        return List.of(image.last("EXPOSE").orElseThrow().arguments().split("\\s+"));
    }

    /**
     * Payara Micro's arguments as the image's ENTRYPOINT passes them, given its CMD and these
     * variables: the entrypoint's own shell line runs, with a {@code java} first on the PATH that
     * prints the arguments it got, one a line in brackets (so that an empty one shows).
     */
    private List<String> launched(Map<String, String> variables) throws Exception {
        Path bin = Files.createTempDirectory("entrypoint");
        try {
            Path java = Files.writeString(
                    bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n");
            assertTrue(java.toFile().setExecutable(true));
            List<String> commandLine = new ArrayList<>(
                    Dockerfile.execForm(image.last("ENTRYPOINT").orElseThrow().arguments()));
            commandLine.addAll(command());
            ProcessBuilder shell = new ProcessBuilder(commandLine).redirectErrorStream(true);
            shell.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
            shell.environment().put("MEM_MAX_RAM_PERCENTAGE", "60.0");
            shell.environment().put("JVM_ARGS", "");
            shell.environment().putAll(variables);
            Process process = shell.start();
            List<String> lines = List.of(new String(process.getInputStream().readAllBytes()).split("\n"));
            assertEquals(0, process.waitFor(), String.join("\n", lines));
            List<String> arguments = new ArrayList<>();
            for (String line : lines) {
                assertTrue(line.startsWith("[") && line.endsWith("]"), line);
                arguments.add(line.substring(1, line.length() - 1));
            }
            return serverOptionsList(arguments);
        } finally {
            try (Stream<Path> files = Files.list(bin)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(bin);
        }
    }

    /** What follows "-jar file": Payara Micro's own options. */
    private static List<String> serverOptionsList(List<String> javaArguments) {
        return javaArguments.subList(javaArguments.indexOf("-jar") + 2, javaArguments.size());
    }

    private static Map<String, String> serverOptions(List<String> javaCommand) {
        return options(serverOptionsList(javaCommand));
    }

    private static Set<String> intersection(Set<String> one, Set<String> other) {
        Set<String> both = new HashSet<>(one);
        both.retainAll(other);
        return both;
    }

    /** The source of the COPY whose destination is the given path. */
    private String copiedTo(String destination) {
        return dockerfile.all("COPY").stream()
                .map(copy -> Arrays.stream(copy.arguments().split("\\s+"))
                        .filter(word -> !word.startsWith("--"))
                        .toList())
                .filter(words -> words.get(words.size() - 1).equals(destination)
                        || destination.startsWith(words.get(words.size() - 1))
                                && words.get(words.size() - 1).endsWith("/"))
                .map(words -> words.get(0))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is copied to " + destination));
    }

    /** Payara Micro's options: "--name value" or "--flag". */
    private static Map<String, String> options(List<String> arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            assertTrue(name.startsWith("--"), "an option: " + name + " in " + arguments);
            boolean hasValue = i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--");
            options.put(name.toLowerCase(), hasValue ? arguments.get(++i) : "");
        }
        return options;
    }

    private static Map<String, String> comparable(Map<String, String> options) {
        Map<String, String> comparable = new LinkedHashMap<>(options);
        comparable.replaceAll((name, value) -> LOCAL_VALUES.contains(name) ? "(local)" : value);
        return new TreeMap<>(comparable);
    }

    private String xpath(String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, pom).strip();
    }
}
