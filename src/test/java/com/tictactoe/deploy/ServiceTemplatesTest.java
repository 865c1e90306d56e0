package com.tictactoe.deploy;

import static com.tictactoe.deploy.Templates.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ECS and Kubernetes deployments run the container the Dockerfile builds: its port, its
 * health endpoints (restart on liveness, route on readiness), the DynamoDB policy, settings the
 * code reads, a load balancer fit for the push websocket.
 */
@SuppressWarnings("unchecked")
class ServiceTemplatesTest {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

    private final Map<String, Object> ecs = Templates.cloudFormation(Path.of("deploy/ecs-service.yaml"));
    private final Dockerfile image = Dockerfile.read(Path.of("Dockerfile")).finalStage();
    private final int port = Integer.parseInt(serverOption("--port"));

    ServiceTemplatesTest() throws IOException {
    }

    @Test
    void ecsTasksGetThePolicyOfTheTablesAndNothingElse() {
        Map<String, Object> role = at(ecs, "Resources", "TaskRole", "Properties");
        assertEquals(List.of(Map.of("Ref", "PolicyArn")), role.get("ManagedPolicyArns"));
        assertTrue(!role.containsKey("Policies"), "no inline policies");
    }

    @Test
    void ecsRestartsOnLivenessAndRoutesOnReadinessAtTheContainersPort() {
        Map<String, Object> container = ecsContainer();
        assertEquals(port, ((List<Map<String, Object>>) container.get("PortMappings")).get(0).get("ContainerPort"));
        List<String> command = at(container, "HealthCheck", "Command");
        String healthcheck = image.last("HEALTHCHECK").orElseThrow().arguments();
        List<String> probe = Dockerfile.execForm(healthcheck.substring(healthcheck.indexOf(" CMD ") + 5));
        assertEquals(probe.subList(0, probe.size() - 1), command.subList(1, command.size() - 1), "the image's probe");
        assertEquals("http://127.0.0.1:" + port + "/health/live", command.get(command.size() - 1));

        Map<String, Object> targets = at(ecs, "Resources", "TargetGroup", "Properties");
        assertEquals("/health/ready", targets.get("HealthCheckPath"));
        assertEquals(port, targets.get("Port"));
        Map<String, Object> service = at(ecs, "Resources", "Service", "Properties");
        assertEquals(port, ((List<Map<String, Object>>) service.get("LoadBalancers")).get(0).get("ContainerPort"));
    }

    @Test
    void theLoadBalancerKeepsQuietSocketsAndBrowsersOnOneTask() {
        Map<String, Object> balancer = at(ecs, "Resources", "LoadBalancer", "Properties");
        assertTrue(Integer.parseInt(attribute(balancer.get("LoadBalancerAttributes"), "idle_timeout.timeout_seconds")) >= 600);
        Map<String, Object> targets = at(ecs, "Resources", "TargetGroup", "Properties");
        assertEquals(Map.of("Ref", "Stickiness"), attributeValue(targets.get("TargetGroupAttributes"), "stickiness.enabled"));
        assertEquals("true", (Object) at(ecs, "Parameters", "Stickiness", "Default"));

        Map<String, Object> ingress = kubernetes("Ingress");
        Map<String, String> annotations = at(ingress, "metadata", "annotations");
        assertEquals("/health/ready", annotations.get("alb.ingress.kubernetes.io/healthcheck-path"));
        assertTrue(annotations.get("alb.ingress.kubernetes.io/target-group-attributes").contains("stickiness.enabled=true"));
        String idle = annotations.get("alb.ingress.kubernetes.io/load-balancer-attributes")
                .replaceAll(".*idle_timeout.timeout_seconds=(\\d+).*", "$1");
        assertTrue(Integer.parseInt(idle) >= 600, idle);
    }

    @Test
    void kubernetesProbesTheContainersPortAsNonRoot() {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertEquals(port, ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
        assertEquals("/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/health/live", at(container, "startupProbe", "httpGet", "path"));
        assertEquals("/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertTrue((Integer) at(pod, "securityContext", "runAsUser") > 0);
        assertTrue(((Map<?, ?>) container.get("resources")).containsKey("limits"), "a memory limit sizes the heap");

        Map<String, Object> account = kubernetes("ServiceAccount");
        assertEquals((Object) at(account, "metadata", "name"), pod.get("serviceAccountName"));
        assertTrue(((Map<String, String>) at(account, "metadata", "annotations")).get("eks.amazonaws.com/role-arn")
                .startsWith("arn:aws:iam::"));

        Map<String, String> labels = at(deployment, "spec", "template", "metadata", "labels");
        assertTrue(labels.entrySet().containsAll(((Map<String, String>) at(kubernetes("Service"), "spec", "selector")).entrySet()));
        assertEquals((Object) at(deployment, "metadata", "name"), at(kubernetes("HorizontalPodAutoscaler"), "spec", "scaleTargetRef", "name"));
    }

    @Test
    void kustomizationAppliesEveryManifest() throws IOException {
        List<String> listed = at(Templates.kubernetes(KUBERNETES.resolve("kustomization.yaml")).get(0), "resources");
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            assertEquals(new TreeSet<>(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList()),
                    new TreeSet<>(listed));
        }
    }

    @Test
    void everySettingPassedIsOneTheCodeReads() {
        Set<String> known = settingsAsEnvironmentVariables();
        assertTrue(known.contains("TICTACTOE_DYNAMODB_GAMES_TABLE"), known.toString());
        List<String> passed = new ArrayList<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) ecsContainer().get("Environment")) {
            passed.add((String) variable.get("Name"));
        }
        Map<String, Object> container = ((List<Map<String, Object>>) at(kubernetes("Deployment"), "spec", "template", "spec",
                "containers")).get(0);
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
            passed.add((String) variable.get("name"));
        }
        for (String name : passed) {
            assertTrue(known.contains(name), name + " is no setting of the code: " + known);
        }
    }

    /** TICTACTOE_X_Y for every setting name tictactoe.x-y that a class of the WAR declares. */
    private static Set<String> settingsAsEnvironmentVariables() {
        Set<String> names = new TreeSet<>();
        for (JavaClass each : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.tictactoe")) {
            for (JavaField field : each.getFields()) {
                Field reflected = field.reflect();
                if (Modifier.isStatic(reflected.getModifiers()) && reflected.getType() == String.class
                        && Modifier.isFinal(reflected.getModifiers())) {
                    try {
                        reflected.setAccessible(true);
                        Object value = reflected.get(null);
                        if (value instanceof String setting && setting.matches("tictactoe\\.[a-z.-]+")) {
                            names.add(setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
                        }
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError notReadable) {
                        // not a constant this check can read
                    }
                }
            }
        }
        return names;
    }

    /** The value of one of Payara Micro's options in the image's CMD. */
    private String serverOption(String name) {
        List<String> command = Dockerfile.execForm(image.last("CMD").orElseThrow().arguments());
        int at = command.indexOf(name);
        assertTrue(at >= 0 && at + 1 < command.size(), name + " in " + command);
        return command.get(at + 1);
    }

    private Map<String, Object> ecsContainer() {
        Map<String, Object> resolved = (Map<String, Object>) Templates.resolve(
                at(ecs, "Resources", "TaskDefinition", "Properties"), ecs, Set.of("HasPublicUrl"));
        return ((List<Map<String, Object>>) resolved.get("ContainerDefinitions")).get(0);
    }

    private static String attribute(Object attributes, String key) {
        return (String) attributeValue(attributes, key);
    }

    private static Object attributeValue(Object attributes, String key) {
        return ((List<Map<String, Object>>) attributes).stream().filter(each -> key.equals(each.get("Key")))
                .map(each -> each.get("Value")).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    private static Map<String, Object> kubernetes(String kind) {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            List<Map<String, Object>> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Templates.kubernetes(file).stream().filter(document -> kind.equals(document.get("kind"))).forEach(found::add);
            }
            assertEquals(1, found.size(), "one " + kind + " in " + KUBERNETES);
            return found.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
