package dev.tokencontract.conformance.compat;

import dev.tokencontract.testing.TestContracts;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft-07 schema as a 2020-12 token contract with the same meaning for its value: the schema S becomes the
 * required claim {@code v} of a minimal token contract, so a value x is valid under S exactly when claims
 * {@code {iss, aud, exp, v: x}} are valid under the contract. The mapping: tuple {@code items} → {@code prefixItems},
 * {@code additionalItems} → {@code items} (dropped when {@code items} was one schema: draft-07 ignores it then),
 * {@code dependencies} → {@code dependentRequired}/{@code dependentSchemas}, {@code definitions} → {@code $defs},
 * {@code $id: "#Name"} → {@code $anchor}, and every local reference rewritten to the new place
 * ({@code #/definitions/a} → {@code #/properties/v/$defs/a}); {@code true}/{@code false} schemas stay booleans
 * inside. For the compatibility measurement only (the {@code tokencontract import} command is the product's
 * converter).
 */
final class Draft7Contract {
    static final String CLAIM = "v";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> RENAMED = Map.of("definitions", "$defs");

    private Draft7Contract() {}

    static ObjectNode of(JsonNode draft7, String version) {
        ObjectNode contract = TestContracts.minimal();
        contract.remove("x-authorization");
        contract.put("$id", "https://tokencontract.dev/contracts/minimal-token/" + version);
        ((ObjectNode) contract.get("x-contract")).put("version", version);
        ((ArrayNode) contract.get("required")).add(CLAIM);
        ((ObjectNode) contract.get("properties")).set(CLAIM, convert(draft7, true));
        return contract;
    }

    static JsonNode convert(JsonNode schema, boolean root) {
        if (!schema.isObject()) {
            return schema.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        JsonNode items = schema.get("items");
        for (Map.Entry<String, JsonNode> member : schema.properties()) {
            String key = member.getKey();
            JsonNode value = member.getValue();
            switch (key) {
                case "$schema" -> {}
                case "id" -> {
                    if (!value.isString()) {
                        out.set(
                                key,
                                value.deepCopy()); // draft-07 ignores a string "id" (draft-04's $id); a schema there
                        // is data
                    }
                }
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (value.isBoolean()) {
                        // draft-04 style: true makes the sibling bound exclusive; draft-07 would refuse the schema
                        String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
                        if (value.booleanValue() && schema.has(bound)) {
                            out.set(key, schema.get(bound).deepCopy());
                        }
                    } else {
                        out.set(key, value.deepCopy());
                    }
                }
                case "$id" -> {
                    String id = value.asString("");
                    if (id.startsWith("#") && id.length() > 1) {
                        out.put("$anchor", id.substring(1));
                    } else if (!root) {
                        out.set("$id", value.deepCopy());
                    }
                }
                case "$ref" -> out.put("$ref", ref(value.asString("")));
                case "items" -> {
                    if (value.isArray()) {
                        out.set("prefixItems", each(value));
                    } else {
                        out.set("items", convert(value, false));
                    }
                }
                case "additionalItems" -> {
                    if (items != null && items.isArray()) {
                        out.set("items", convert(value, false));
                    }
                }
                case "dependencies" -> {
                    ObjectNode required = NODES.objectNode();
                    ObjectNode schemas = NODES.objectNode();
                    value.properties().forEach(e -> {
                        if (e.getValue().isArray()) {
                            required.set(e.getKey(), e.getValue().deepCopy());
                        } else {
                            schemas.set(e.getKey(), convert(e.getValue(), false));
                        }
                    });
                    if (!required.isEmpty()) {
                        out.set("dependentRequired", required);
                    }
                    if (!schemas.isEmpty()) {
                        out.set("dependentSchemas", schemas);
                    }
                }
                case "properties", "patternProperties", "definitions", "$defs" -> {
                    ObjectNode map = NODES.objectNode();
                    value.properties().forEach(e -> map.set(e.getKey(), convert(e.getValue(), false)));
                    out.set(RENAMED.getOrDefault(key, key), map);
                }
                case "allOf", "anyOf", "oneOf" -> out.set(key, each(value));
                case "not", "if", "then", "else", "additionalProperties", "propertyNames", "contains" ->
                    out.set(key, convert(value, false));
                default -> out.set(key, value.deepCopy());
            }
        }
        boolean exclusiveMin = schema.path("exclusiveMinimum").asBoolean(false);
        boolean exclusiveMax = schema.path("exclusiveMaximum").asBoolean(false);
        if (exclusiveMin) {
            out.remove("minimum");
        }
        if (exclusiveMax) {
            out.remove("maximum");
        }
        declareRequired(out);
        return out;
    }

    /**
     * A required name with no {@code properties} entry is legal JSON Schema that this project's linter refuses (issue
     * 11 item 5): declare it as {@code true}, which constrains nothing, unless another keyword reads the declared
     * names ({@code additionalProperties}, {@code unevaluatedProperties}), where it would change the meaning.
     */
    private static void declareRequired(ObjectNode schema) {
        if (!schema.path("required").isArray()
                || schema.has("additionalProperties")
                || schema.has("unevaluatedProperties")) {
            return;
        }
        for (JsonNode name : schema.get("required")) {
            if (name.isString() && !schema.path("properties").has(name.stringValue())) {
                schema.withObject("properties").put(name.stringValue(), true);
            }
        }
    }

    private static ArrayNode each(JsonNode array) {
        ArrayNode out = NODES.arrayNode();
        array.values().forEach(item -> out.add(convert(item, false)));
        return out;
    }

    /** {@code #/definitions/a} → {@code #/properties/v/$defs/a}; {@code #} → {@code #/properties/v}; anchors unchanged. */
    private static String ref(String ref) {
        if (ref.equals("#")) {
            return "#/properties/" + CLAIM;
        }
        if (!ref.startsWith("#/")) {
            return ref;
        }
        String pointer = ref.substring(1).replace("/definitions/", "/$defs/");
        if (pointer.startsWith("/definitions")) {
            pointer = "/$defs" + pointer.substring("/definitions".length());
        }
        return "#/properties/" + CLAIM + pointer;
    }
}
