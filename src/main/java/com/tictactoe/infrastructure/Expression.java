package com.tictactoe.infrastructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collects the clauses of a condition or update expression together with their placeholder
 * names and values, so that no attribute name or value is ever spliced into expression text.
 */
final class Expression {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();
    private final List<String> removals = new ArrayList<>();
    private final List<String> additions = new ArrayList<>();

    String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    String value(String value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, AttributeValue.fromS(value));
        return placeholder;
    }

    String value(long number) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, AttributeValue.fromN(Long.toString(number)));
        return placeholder;
    }

    Expression equal(String attribute, String value) {
        conditions.add(name(attribute) + " = " + value(value));
        return this;
    }

    Expression notEqual(String attribute, String value) {
        conditions.add(name(attribute) + " <> " + value(value));
        return this;
    }

    Expression beginsWith(String attribute, String prefix) {
        conditions.add("begins_with(" + name(attribute) + ", " + value(prefix) + ")");
        return this;
    }

    Expression atLeast(String attribute, String value) {
        conditions.add(name(attribute) + " >= " + value(value));
        return this;
    }

    Expression between(String attribute, String low, String high) {
        conditions.add(name(attribute) + " BETWEEN " + value(low) + " AND " + value(high));
        return this;
    }

    /** The number attribute is missing or greater than {@code bound}. */
    Expression absentOrAbove(String attribute, long bound) {
        String name = name(attribute);
        conditions.add("(attribute_not_exists(" + name + ") OR " + name + " > " + value(bound) + ")");
        return this;
    }

    Expression exists(String attribute) {
        conditions.add("attribute_exists(" + name(attribute) + ")");
        return this;
    }

    Expression notExists(String attribute) {
        conditions.add("attribute_not_exists(" + name(attribute) + ")");
        return this;
    }

    Expression set(String attribute, String value) {
        updates.add(name(attribute) + " = " + value(value));
        return this;
    }

    /** Adds {@code amount} to a number attribute, which starts from 0 where the item or attribute is missing. */
    Expression add(String attribute, long amount) {
        additions.add(name(attribute) + " " + value(amount));
        return this;
    }

    Expression remove(String attribute) {
        removals.add(name(attribute));
        return this;
    }

    Expression lessOrEqual(String attribute, String value) {
        conditions.add(name(attribute) + " <= " + value(value));
        return this;
    }

    String condition() {
        return String.join(" AND ", conditions);
    }

    String update() {
        List<String> clauses = new ArrayList<>();
        if (!updates.isEmpty()) {
            clauses.add("SET " + String.join(", ", updates));
        }
        if (!removals.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", removals));
        }
        if (!additions.isEmpty()) {
            clauses.add("ADD " + String.join(", ", additions));
        }
        return String.join(" ", clauses);
    }

    Map<String, String> names() {
        return names;
    }

    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
