package dev.tokencontract.conformance.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the generator asks of one schema object again and again, worked out once when the document is
 * indexed: the types it allows and hints at (as bit masks), its {@code $ref} target, its property names.
 */
final class SchemaFacts {
    static final int NULL = 1;
    static final int BOOLEAN = 2;
    static final int INTEGER = 4;
    static final int NUMBER = 8;
    static final int STRING = 16;
    static final int ARRAY = 32;
    static final int OBJECT = 64;
    static final int ALL = 127;
    /** In the order types are tried (choice 0 first). */
    static final int[] ORDER = {NULL, BOOLEAN, INTEGER, NUMBER, STRING, ARRAY, OBJECT};

    private static final Set<String> NUMBER_WORDS =
            Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
    private static final Set<String> STRING_WORDS = Set.of("minLength", "maxLength", "pattern", "format");
    private static final Set<String> ARRAY_WORDS = Set.of(
            "items",
            "prefixItems",
            "contains",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minContains",
            "maxContains",
            "unevaluatedItems");
    private static final Set<String> OBJECT_WORDS = Set.of(
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "dependentSchemas",
            "unevaluatedProperties");

    final int typeMask;
    final int hintMask;
    final JsonNode refTarget;
    final List<String> propertyNames;
    /** Has allOf, anyOf, oneOf, if, not or $dynamicRef: the conjunction must expand it further. */
    final boolean applicators;
    /** Has const or enum. */
    final boolean enumerates;
    /** Has additionalProperties, unevaluatedProperties or propertyNames: limits which names an object may hold. */
    final boolean limitsNames;
    /** The base URI of the resource this schema belongs to. */
    final String base;

    private SchemaFacts(
            int typeMask, int hintMask, JsonNode refTarget, List<String> propertyNames, JsonNode schema, String base) {
        this.base = base;
        this.typeMask = typeMask;
        this.hintMask = hintMask;
        this.refTarget = refTarget;
        this.propertyNames = propertyNames;
        this.applicators = schema.has("allOf")
                || schema.has("anyOf")
                || schema.has("oneOf")
                || schema.has("if")
                || schema.has("not")
                || schema.has("$dynamicRef");
        this.enumerates = schema.has("const") || schema.has("enum");
        this.limitsNames = schema.has("additionalProperties")
                || schema.has("unevaluatedProperties")
                || schema.has("propertyNames");
    }

    static SchemaFacts of(JsonNode schema, JsonNode refTarget, String base) {
        JsonNode type = schema.get("type");
        int typeMask = type == null ? ALL : mask(type);
        int hints = 0;
        for (String keyword : schema.propertyNames()) {
            if (NUMBER_WORDS.contains(keyword)) {
                hints |= INTEGER | NUMBER;
            } else if (STRING_WORDS.contains(keyword)) {
                hints |= STRING;
            } else if (ARRAY_WORDS.contains(keyword)) {
                hints |= ARRAY;
            } else if (OBJECT_WORDS.contains(keyword)) {
                hints |= OBJECT;
            }
        }
        List<String> names = new ArrayList<>();
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                names.add(entry.getKey());
            }
        }
        return new SchemaFacts(typeMask, hints, refTarget, List.copyOf(names), schema, base);
    }

    /** The name of one type bit. */
    static String name(int bit) {
        switch (bit) {
            case NULL:
                return "null";
            case BOOLEAN:
                return "boolean";
            case INTEGER:
                return "integer";
            case NUMBER:
                return "number";
            case STRING:
                return "string";
            case ARRAY:
                return "array";
            default:
                return "object";
        }
    }

    /** The type bit of a JSON value (1.0 counts as an integer, as in JSON Schema). */
    static int bitOf(JsonNode value) {
        if (value.isNull()) {
            return NULL;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        if (value.isNumber()) {
            return JsonValues.isInteger(value) ? INTEGER : NUMBER;
        }
        if (value.isString()) {
            return STRING;
        }
        return value.isArray() ? ARRAY : OBJECT;
    }

    /** The bits of a {@code type} value ("number" includes "integer"). */
    static int mask(JsonNode type) {
        int mask = 0;
        if (type.isString()) {
            mask = bit(type.stringValue());
        } else if (type.isArray()) {
            for (JsonNode name : type) {
                mask |= name.isString() ? bit(name.stringValue()) : 0;
            }
        }
        return mask;
    }

    private static int bit(String name) {
        switch (name) {
            case "null":
                return NULL;
            case "boolean":
                return BOOLEAN;
            case "integer":
                return INTEGER;
            case "number":
                return NUMBER | INTEGER;
            case "string":
                return STRING;
            case "array":
                return ARRAY;
            case "object":
                return OBJECT;
            default:
                return 0;
        }
    }
}
