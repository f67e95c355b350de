package dev.tokencontract.conformance.mutate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The top-level claim rules of a contract's schema as mutations need them: each declared claim's schema
 * (local {@code $ref}s followed), the required claims, whether the content model is closed, and
 * {@code dependentRequired}. Only reads the document; the validator stays the judge.
 */
final class ClaimRules {
    private static final int MAX_REF_HOPS = 16;

    private final JsonNode document;
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final List<String> required = new ArrayList<>();
    final Map<String, List<String>> dependentRequired = new LinkedHashMap<>();
    final boolean closed;

    ClaimRules(JsonNode document) {
        this.document = document;
        JsonNode props = document.path("properties");
        if (props.isObject()) {
            for (Map.Entry<String, JsonNode> entry : props.properties()) {
                properties.put(entry.getKey(), resolve(entry.getValue()));
            }
        }
        document.path("required").forEach(name -> {
            if (name.isString()) {
                required.add(name.stringValue());
            }
        });
        JsonNode dependent = document.path("dependentRequired");
        if (dependent.isObject()) {
            for (Map.Entry<String, JsonNode> entry : dependent.properties()) {
                List<String> names = new ArrayList<>();
                entry.getValue().forEach(n -> names.add(n.asString("")));
                dependentRequired.put(entry.getKey(), names);
            }
        }
        closed = isFalse(document.get("additionalProperties")) || isFalse(document.get("unevaluatedProperties"));
    }

    /** Follows local {@code $ref}s (as {@code #/$defs/x}) to the schema they name; merges nothing else. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hop = 0; hop < MAX_REF_HOPS && current != null && current.isObject() && current.has("$ref"); hop++) {
            String ref = current.path("$ref").asString("");
            if (!ref.startsWith("#")) {
                return current;
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            if (current.size() > 1) { // siblings of $ref apply too: keep them, the target's rules under them
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                for (Map.Entry<String, JsonNode> entry : current.properties()) {
                    if (!entry.getKey().equals("$ref")) {
                        merged.set(entry.getKey(), entry.getValue());
                    }
                }
                target = merged;
            }
            current = target;
        }
        return current;
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }
}
