package dev.tokencontract.registry.internal.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The claims table of a contract page, read from the schema: one row per top-level property, with its type, whether
 * it is required, its constraints and description. Local {@code $ref}s ({@code #/$defs/x}) are followed (cycles and
 * remote refs are not); what the table cannot summarise is still in the raw JSON below it.
 */
final class ClaimRows {
    /** One claim. {@code constraints} are short {@code keyword value} texts, e.g. {@code maxLength 255}. */
    record Claim(String name, String type, boolean required, List<String> constraints, String description) {}

    private static final List<String> SCALAR_KEYWORDS = List.of(
            "format",
            "pattern",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minProperties",
            "maxProperties");
    private static final int MAX_DEPTH = 8;

    private ClaimRows() {}

    static List<Claim> of(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.isString() ? n.asString() : n.toString()));
        List<Claim> claims = new ArrayList<>();
        for (var property : schema.path("properties").properties()) {
            JsonNode claim = resolve(schema, property.getValue(), 0);
            claims.add(new Claim(
                    property.getKey(),
                    type(schema, claim, 0),
                    required.contains(property.getKey()),
                    constraints(schema, claim),
                    text(claim.get("description"), text(property.getValue().get("description"), null))));
        }
        return claims;
    }

    /** Follows a local {@code $ref} chain; the node itself when it has none or the ref cannot be followed. */
    static JsonNode resolve(JsonNode root, JsonNode node, int depth) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.isString() || !ref.asString().startsWith("#/") || depth >= MAX_DEPTH) {
            return node;
        }
        JsonNode target = root.at(ref.asString().substring(1));
        return target.isMissingNode() ? node : resolve(root, target, depth + 1);
    }

    private static String type(JsonNode root, JsonNode claim, int depth) {
        if (claim.isBoolean()) {
            return claim.asBoolean() ? "any" : "never";
        }
        JsonNode type = claim.get("type");
        String base;
        if (type != null && type.isString()) {
            base = type.asString();
        } else if (type != null && type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.isString() ? t.asString() : t.toString()));
            base = String.join(" or ", names);
        } else {
            base = alternatives(root, claim, depth);
        }
        JsonNode items = claim.get("items");
        if (items != null && items.isObject() && base.contains("array") && depth < MAX_DEPTH) {
            base = base.replace("array", "array of " + type(root, resolve(root, items, 0), depth + 1));
        }
        return base;
    }

    private static String alternatives(JsonNode root, JsonNode claim, int depth) {
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode options = claim.get(keyword);
            if (options != null && options.isArray() && depth < MAX_DEPTH) {
                List<String> names = new ArrayList<>();
                options.forEach(o -> names.add(type(root, resolve(root, o, 0), depth + 1)));
                return String.join(" or ", names);
            }
        }
        if (claim.has("const")) {
            return "constant";
        }
        if (claim.has("enum")) {
            return "enumeration";
        }
        return "any";
    }

    private static List<String> constraints(JsonNode root, JsonNode claim) {
        List<String> out = new ArrayList<>();
        if (!claim.isObject()) {
            return out;
        }
        add(out, "", claim);
        JsonNode items = claim.get("items");
        if (items != null && items.isObject()) {
            add(out, "items ", resolve(root, items, 0));
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode options = claim.get(keyword);
            if (options != null && options.isArray()) {
                options.forEach(o -> add(out, "", resolve(root, o, 0)));
            }
        }
        return out;
    }

    private static void add(List<String> out, String prefix, JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("const")) {
            out.add(prefix + "const " + node.get("const"));
        }
        if (node.has("enum")) {
            out.add(prefix + "enum " + node.get("enum"));
        }
        for (String keyword : SCALAR_KEYWORDS) {
            JsonNode value = node.get(keyword);
            if (value != null) {
                out.add(prefix + keyword + " " + (value.isString() ? value.asString() : value.toString()));
            }
        }
    }

    private static String text(JsonNode node, String fallback) {
        return node != null && node.isString() ? node.asString() : fallback;
    }
}
