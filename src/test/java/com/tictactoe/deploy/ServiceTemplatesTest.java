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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ECS and Kubernetes deployments run the container the Dockerfile builds: its port, its
 * health endpoints (restart on liveness, route on readiness), the DynamoDB policy, settings the
 * code reads, a load balancer fit for the push websocket, and one Payara cluster of all instances
 * whose port no one else can reach.
 */
@SuppressWarnings("unchecked")
class ServiceTemplatesTest {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

    private final Map<String, Object> ecs = Templates.cloudFormation(Path.of("deploy/ecs-service.yaml"));
    private final Dockerfile image = Dockerfile.read(Path.of("Dockerfile")).finalStage();
    private final int port = Integer.parseInt(serverOption("--port"));
    private final int clusterPort = Integer.parseInt(serverOption("--startport"));

    ServiceTemplatesTest() throws IOException {}

    @Test
    void ecsTasksGetThePolicyOfTheTablesAndNothingElse() {
        Map<String, Object> role = at(ecs, "Resources", "TaskRole", "Properties");
        assertEquals(List.of(Map.of("Ref", "PolicyArn")), role.get("ManagedPolicyArns"));
        assertTrue(!role.containsKey("Policies"), "no inline policies");
    }

    @Test
    void ecsRestartsOnLivenessAndRoutesOnReadinessAtTheContainersPort() {
        Map<String, Object> container = ecsContainer();
        assertEquals(
                port,
                ((List<Map<String, Object>>) container.get("PortMappings"))
                        .get(0)
                        .get("ContainerPort"));
        List<String> command = at(container, "HealthCheck", "Command");
        String healthcheck = image.last("HEALTHCHECK").orElseThrow().arguments();
        List<String> probe = Dockerfile.execForm(healthcheck.substring(healthcheck.indexOf(" CMD ") + 5));
        assertEquals(probe.subList(0, probe.size() - 1), command.subList(1, command.size() - 1), "the image's probe");
        assertEquals("http://127.0.0.1:" + Preboot.metricsPort() + "/health/live", command.get(command.size() - 1));

        Map<String, Object> targets = at(ecs, "Resources", "TargetGroup", "Properties");
        assertEquals("/health/ready", targets.get("HealthCheckPath"));
        assertEquals(port, targets.get("Port"));
        Map<String, Object> service = at(ecs, "Resources", "Service", "Properties");
        assertEquals(
                port,
                ((List<Map<String, Object>>) service.get("LoadBalancers"))
                        .get(0)
                        .get("ContainerPort"));
    }

    @Test
    void theLoadBalancerKeepsQuietSocketsAndBrowsersOnOneTask() {
        Map<String, Object> balancer = at(ecs, "Resources", "LoadBalancer", "Properties");
        assertTrue(Integer.parseInt(attribute(balancer.get("LoadBalancerAttributes"), "idle_timeout.timeout_seconds"))
                >= 600);
        Map<String, Object> targets = at(ecs, "Resources", "TargetGroup", "Properties");
        assertEquals(
                Map.of("Ref", "Stickiness"),
                attributeValue(targets.get("TargetGroupAttributes"), "stickiness.enabled"));
        assertEquals("true", (Object) at(ecs, "Parameters", "Stickiness", "Default"));

        Map<String, Object> ingress = kubernetes("Ingress");
        Map<String, String> annotations = at(ingress, "metadata", "annotations");
        assertEquals("/health/ready", annotations.get("alb.ingress.kubernetes.io/healthcheck-path"));
        assertTrue(annotations
                .get("alb.ingress.kubernetes.io/target-group-attributes")
                .contains("stickiness.enabled=true"));
        String idle = annotations
                .get("alb.ingress.kubernetes.io/load-balancer-attributes")
                .replaceAll(".*idle_timeout.timeout_seconds=(\\d+).*", "$1");
        assertTrue(Integer.parseInt(idle) >= 600, idle);
    }

    @Test
    void kubernetesProbesTheContainersPortAsNonRoot() {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertEquals(
                port,
                ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
        assertEquals("/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/health/live", at(container, "startupProbe", "httpGet", "path"));
        assertEquals("/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        // probed on the metrics listener, whose threads are its own (deploy/payara-preboot.asadmin)
        Map<String, Object> metrics = ((List<Map<String, Object>>) container.get("ports"))
                .stream()
                        .filter(named -> "metrics".equals(named.get("name")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(Preboot.metricsPort(), metrics.get("containerPort"));
        for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
            assertEquals("metrics", at(container, probe, "httpGet", "port"), probe);
        }
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertTrue((Integer) at(pod, "securityContext", "runAsUser") > 0);
        assertTrue(((Map<?, ?>) container.get("resources")).containsKey("limits"), "a memory limit sizes the heap");

        Map<String, Object> account = kubernetes("ServiceAccount");
        assertEquals((Object) at(account, "metadata", "name"), pod.get("serviceAccountName"));
        assertTrue(((Map<String, String>) at(account, "metadata", "annotations"))
                .get("eks.amazonaws.com/role-arn")
                .startsWith("arn:aws:iam::"));

        Map<String, String> labels = at(deployment, "spec", "template", "metadata", "labels");
        assertTrue(labels.entrySet()
                .containsAll(
                        ((Map<String, String>) at(kubernetes("Service", "tictactoe"), "spec", "selector")).entrySet()));
        assertEquals(
                (Object) at(deployment, "metadata", "name"),
                at(kubernetes("HorizontalPodAutoscaler"), "spec", "scaleTargetRef", "name"));
    }

    @Test
    void ecsTasksFindEachOtherThroughCloudMapAndOnlyTheyReachTheClusterPort() {
        Map<String, Object> container = ecsContainer();
        assertTrue(
                ((List<Map<String, Object>>) container.get("PortMappings"))
                        .stream()
                                .anyMatch(
                                        mapping -> Integer.valueOf(clusterPort).equals(mapping.get("ContainerPort"))),
                "the cluster port is mapped");

        Map<String, Object> service = at(ecs, "Resources", "Service", "Properties");
        List<Map<String, Object>> registries = (List<Map<String, Object>>) service.get("ServiceRegistries");
        assertEquals(1, registries.size(), "the tasks are registered in Cloud Map");
        Map<String, Object> discovery =
                resource(logicalId(registries.get(0).get("RegistryArn")), "AWS::ServiceDiscovery::Service");
        Map<String, Object> discoveryProperties = (Map<String, Object>) discovery.get("Properties");
        Map<String, Object> namespace = resource(
                logicalId(discoveryProperties.get("NamespaceId")), "AWS::ServiceDiscovery::PrivateDnsNamespace");
        assertEquals(Map.of("Ref", "VpcId"), at(namespace, "Properties", "Vpc"));
        assertTrue(
                ((List<Map<String, Object>>) at(discoveryProperties, "DnsConfig", "DnsRecords"))
                        .stream().anyMatch(record -> "A".equals(record.get("Type"))),
                "an A record per task");
        assertTrue(
                !discoveryProperties.containsKey("HealthCheckCustomConfig")
                        && !discoveryProperties.containsKey("HealthCheckConfig"),
                "starting tasks must be found too, before they are healthy");
        String dnsName = Templates.resolve(discoveryProperties.get("Name"), ecs, Set.of()) + "."
                + Templates.resolve(at(namespace, "Properties", "Name"), ecs, Set.of());
        assertEquals("dns:" + dnsName + ":" + clusterPort, environment(container.get("Environment"), "Name", "Value"));

        String tasks = logicalId(
                ((List<Object>) at(service, "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups")).get(0));
        List<Map<String, Object>> clusterRules = ingressRules().stream()
                .filter(rule -> admits(rule, clusterPort))
                .toList();
        assertTrue(!clusterRules.isEmpty(), "the tasks may reach each other's cluster port");
        for (Map<String, Object> rule : clusterRules) {
            assertEquals(tasks, rule.get("group"), "only the tasks' group opens the cluster port: " + rule);
            Set<String> sources = new TreeSet<>(rule.keySet());
            sources.retainAll(Set.of(
                    "CidrIp", "CidrIpv6", "SourcePrefixListId", "SourceSecurityGroupId", "SourceSecurityGroupName"));
            assertEquals(Set.of("SourceSecurityGroupId"), sources, "no other source: " + rule);
            assertEquals(tasks, logicalId(rule.get("SourceSecurityGroupId")), "from the tasks only: " + rule);
        }
    }

    @Test
    void kubernetesPodsFindEachOtherThroughAHeadlessServiceAndOnlyTheyReachTheClusterPort() throws IOException {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, String> labels = at(deployment, "spec", "template", "metadata", "labels");
        Map<String, Object> container =
                ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).get(0);
        Map<Object, Integer> containerPorts = new HashMap<>();
        for (Map<String, Object> each : (List<Map<String, Object>>) container.get("ports")) {
            containerPorts.put(each.get("containerPort"), (Integer) each.get("containerPort"));
            containerPorts.put(each.get("name"), (Integer) each.get("containerPort"));
        }
        assertTrue(
                containerPorts.containsValue(clusterPort), "the cluster port is declared: " + container.get("ports"));

        List<Map<String, Object>> headless = kubernetesAll("Service").stream()
                .filter(service -> "None".equals(((Map<String, Object>) service.get("spec")).get("clusterIP")))
                .toList();
        assertEquals(1, headless.size(), "one headless Service lists the pods");
        Map<String, Object> cluster = headless.get(0);
        assertEquals(
                true,
                at(cluster, "spec", "publishNotReadyAddresses"),
                "starting pods must be found too, before they are ready");
        assertTrue(labels.entrySet().containsAll(((Map<String, String>) at(cluster, "spec", "selector")).entrySet()));
        List<Map<String, Object>> servicePorts = at(cluster, "spec", "ports");
        assertTrue(
                servicePorts.stream()
                        .anyMatch(each -> Integer.valueOf(clusterPort).equals(each.get("port"))
                                && Integer.valueOf(clusterPort).equals(containerPorts.get(each.get("targetPort")))),
                servicePorts.toString());
        String namespace = (String) Templates.kubernetes(KUBERNETES.resolve("kustomization.yaml"))
                .get(0)
                .get("namespace");
        assertEquals(
                "dns:" + at(cluster, "metadata", "name") + "." + namespace + ".svc.cluster.local:" + clusterPort,
                environment(container.get("env"), "name", "value"));

        Map<String, Object> policy = kubernetes("NetworkPolicy");
        assertTrue(labels.entrySet()
                .containsAll(((Map<String, String>) at(policy, "spec", "podSelector", "matchLabels")).entrySet()));
        assertTrue(((List<String>) at(policy, "spec", "policyTypes")).contains("Ingress"));
        List<Map<String, Object>> rules = at(policy, "spec", "ingress");
        List<Map<String, Object>> clusterRules = rules.stream()
                .filter(rule -> admits(rule, clusterPort, containerPorts))
                .toList();
        assertTrue(!clusterRules.isEmpty(), "the pods may reach each other's cluster port");
        for (Map<String, Object> rule : clusterRules) {
            List<Map<String, Object>> peers = (List<Map<String, Object>>) rule.get("from");
            assertTrue(peers != null && !peers.isEmpty(), "not from everywhere: " + rule);
            for (Map<String, Object> peer : peers) {
                assertEquals(Set.of("podSelector"), peer.keySet(), "the app's pods in this namespace only: " + rule);
                Map<String, String> selected = at(peer, "podSelector", "matchLabels");
                assertTrue(
                        !selected.isEmpty() && labels.entrySet().containsAll(selected.entrySet()),
                        "the app's pods only: " + rule);
            }
        }
        assertTrue(
                rules.stream().anyMatch(rule -> admits(rule, port, containerPorts) && !rule.containsKey("from")),
                "the load balancer still reaches the pods");
    }

    @Test
    void kustomizationAppliesEveryManifest() throws IOException {
        List<String> listed = at(
                Templates.kubernetes(KUBERNETES.resolve("kustomization.yaml")).get(0), "resources");
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            assertEquals(
                    new TreeSet<>(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                            .toList()),
                    new TreeSet<>(listed));
        }
    }

    @Test
    void everySettingPassedIsOneTheCodeReads() {
        Set<String> known = settingsAsEnvironmentVariables();
        assertTrue(known.contains("TICTACTOE_DYNAMODB_GAMES_TABLE"), known.toString());
        Set<String> image = imageVariables();
        assertTrue(image.contains("PAYARA_CLUSTER_MODE"), image.toString());
        known.addAll(image);
        List<String> passed = new ArrayList<>();
        for (Map<String, Object> variable :
                (List<Map<String, Object>>) ecsContainer().get("Environment")) {
            passed.add((String) variable.get("Name"));
        }
        Map<String, Object> container = ((List<Map<String, Object>>)
                        at(kubernetes("Deployment"), "spec", "template", "spec", "containers"))
                .get(0);
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
        for (JavaClass each : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.tictactoe")) {
            for (JavaField field : each.getFields()) {
                Field reflected = field.reflect();
                if (Modifier.isStatic(reflected.getModifiers())
                        && reflected.getType() == String.class
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

    /** The variables the image declares (ENV), which its entrypoint reads. */
    private Set<String> imageVariables() {
        Set<String> names = new TreeSet<>();
        for (Dockerfile.Instruction env : image.all("ENV")) {
            Matcher name = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)=").matcher(env.arguments());
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** The value of one of Payara Micro's options in the image's CMD. */
    private String serverOption(String name) {
        List<String> command =
                Dockerfile.execForm(image.last("CMD").orElseThrow().arguments());
        int at = command.indexOf(name);
        assertTrue(at >= 0 && at + 1 < command.size(), name + " in " + command);
        return command.get(at + 1);
    }

    /** The value of PAYARA_CLUSTER_MODE in a list of environment variables. */
    private static Object environment(Object variables, String nameKey, String valueKey) {
        return ((List<Map<String, Object>>) variables)
                .stream()
                        .filter(each -> "PAYARA_CLUSTER_MODE".equals(each.get(nameKey)))
                        .map(each -> each.get(valueKey))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no PAYARA_CLUSTER_MODE"));
    }

    private Map<String, Object> resource(String logicalId, String type) {
        Map<String, Object> resource = at(ecs, "Resources", logicalId);
        assertEquals(type, resource.get("Type"), logicalId);
        return resource;
    }

    /** The resource a Ref or a Fn::GetAtt names. */
    private static String logicalId(Object reference) {
        Map<String, Object> function = (Map<String, Object>) reference;
        if (function.containsKey("Ref")) {
            return (String) function.get("Ref");
        }
        return (String) ((List<Object>) at(function, "Fn::GetAtt")).get(0);
    }

    /** Every ingress rule of the template, inline or on its own, with "group": the group it opens. */
    private List<Map<String, Object>> ingressRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        ((Map<String, Map<String, Object>>) ecs.get("Resources")).forEach((id, resource) -> {
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if ("AWS::EC2::SecurityGroup".equals(resource.get("Type"))) {
                for (Map<String, Object> rule :
                        (List<Map<String, Object>>) properties.getOrDefault("SecurityGroupIngress", List.of())) {
                    Map<String, Object> withGroup = new HashMap<>(rule);
                    withGroup.put("group", id);
                    rules.add(withGroup);
                }
            } else if ("AWS::EC2::SecurityGroupIngress".equals(resource.get("Type"))) {
                Map<String, Object> withGroup = new HashMap<>(properties);
                withGroup.put("group", logicalId(properties.get("GroupId")));
                rules.add(withGroup);
            }
        });
        return rules;
    }

    private static boolean admits(Map<String, Object> rule, int port) {
        return "-1".equals(String.valueOf(rule.get("IpProtocol")))
                || (Integer) rule.get("FromPort") <= port && port <= (Integer) rule.get("ToPort");
    }

    /** Whether a NetworkPolicy rule lets in connections to the port (a number, or a container port's name). */
    private static boolean admits(Map<String, Object> rule, int port, Map<Object, Integer> containerPorts) {
        List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
        return ports == null
                || ports.isEmpty()
                || ports.stream().anyMatch(each -> Integer.valueOf(port).equals(containerPorts.get(each.get("port"))));
    }

    private Map<String, Object> ecsContainer() {
        Map<String, Object> resolved = (Map<String, Object>)
                Templates.resolve(at(ecs, "Resources", "TaskDefinition", "Properties"), ecs, Set.of("HasPublicUrl"));
        return ((List<Map<String, Object>>) resolved.get("ContainerDefinitions")).get(0);
    }

    private static String attribute(Object attributes, String key) {
        return (String) attributeValue(attributes, key);
    }

    private static Object attributeValue(Object attributes, String key) {
        return ((List<Map<String, Object>>) attributes)
                .stream()
                        .filter(each -> key.equals(each.get("Key")))
                        .map(each -> each.get("Value"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + key));
    }

    private static Map<String, Object> kubernetes(String kind) {
        List<Map<String, Object>> found = kubernetesAll(kind);
        assertEquals(1, found.size(), "one " + kind + " in " + KUBERNETES);
        return found.get(0);
    }

    private static Map<String, Object> kubernetes(String kind, String name) {
        return kubernetesAll(kind).stream()
                .filter(document -> name.equals(at(document, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + KUBERNETES));
    }

    private static List<Map<String, Object>> kubernetesAll(String kind) {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            List<Map<String, Object>> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Templates.kubernetes(file).stream()
                        .filter(document -> kind.equals(document.get("kind")))
                        .forEach(found::add);
            }
            return found;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
