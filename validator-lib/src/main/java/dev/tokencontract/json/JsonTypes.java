package dev.tokencontract.json;

import tools.jackson.databind.JsonNode;

/** JSON type names as JSON Schema spells them. */
public final class JsonTypes {
    private JsonTypes() {}

    public static String name(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return "null";
    }
}
