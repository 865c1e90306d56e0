package com.tictactoe.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the YAML files of deploy/: Kubernetes manifests as they are, CloudFormation templates with
 * their short forms ({@code !Ref x} becomes {@code {Ref: x}}, {@code !Sub s} becomes
 * {@code {Fn::Sub: s}}) and, for the checks, the few intrinsic functions the templates use
 * resolved with the parameters' defaults.
 */
final class Templates {

    /** What AWS::NoValue leaves: nothing. */
    private static final Object NO_VALUE = new Object();

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private Templates() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> cloudFormation(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new ShortForms()).load(reader);
        }
    }

    /** The documents of a Kubernetes manifest. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> kubernetes(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }

    /**
     * The value with Ref, Fn::Sub and Fn::If worked out: parameters take their defaults, pseudo
     * parameters stay as {@code ${AWS::Region}}, conditions are those named as true.
     */
    @SuppressWarnings("unchecked")
    static Object resolve(Object value, Map<String, Object> template, Set<String> trueConditions) {
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object each : list) {
                Object item = resolve(each, template, trueConditions);
                if (item != NO_VALUE) {
                    resolved.add(item);
                }
            }
            return resolved;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.size() == 1 && map.containsKey("Ref")) {
            String name = (String) map.get("Ref");
            return name.equals("AWS::NoValue") ? NO_VALUE : variable(name, template);
        }
        if (map.size() == 1 && map.containsKey("Fn::Sub") && map.get("Fn::Sub") instanceof String text) {
            Matcher matcher = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(variable(matcher.group(1), template)));
            }
            return matcher.appendTail(out).toString();
        }
        if (map.size() == 1 && map.containsKey("Fn::If")) {
            List<Object> branches = (List<Object>) map.get("Fn::If");
            return resolve(
                    trueConditions.contains((String) branches.get(0)) ? branches.get(1) : branches.get(2),
                    template,
                    trueConditions);
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        map.forEach((key, each) -> {
            Object item = resolve(each, template, trueConditions);
            if (item != NO_VALUE) {
                resolved.put((String) key, item);
            }
        });
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static String variable(String name, Map<String, Object> template) {
        if (name.startsWith("AWS::")) {
            return "${" + name + "}";
        }
        Map<String, Object> parameters = (Map<String, Object>) template.getOrDefault("Parameters", Map.of());
        Map<String, Object> parameter = (Map<String, Object>) parameters.get(name);
        if (parameter != null && parameter.containsKey("Default")) {
            return String.valueOf(parameter.get("Default"));
        }
        return "${" + name + "}"; // a resource or a parameter without default: its name stands for it
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("no " + String.join(".", path) + " (missing " + key + ")");
            }
            current = map.get(key);
        }
        return (T) current;
    }

    /** CloudFormation's short forms as one-key maps, the way its long forms are written. */
    private static final class ShortForms extends SafeConstructor {

        ShortForms() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!tag.startsWith("!")) {
                        throw new IllegalArgumentException("unexpected tag " + tag);
                    }
                    String function = tag.substring(1);
                    String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = function.equals("GetAtt")
                                ? List.of(scalar.getValue().split("\\.", 2))
                                : scalar.getValue();
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}
