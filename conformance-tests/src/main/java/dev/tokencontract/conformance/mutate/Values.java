package dev.tokencontract.conformance.mutate;

import dev.tokencontract.finding.Redact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Candidate replacement values that break one keyword of a claim's schema; the validator decides which work. */
final class Values {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A value and the keyword it is meant to break. */
    record Bounded(JsonNode value, String keyword) {}

    private Values() {}

    /** Values of JSON types the schema's {@code type} does not allow, the likeliest drift first. */
    static List<JsonNode> ofOtherType(JsonNode schema, JsonNode value) {
        Set<String> allowed = new LinkedHashSet<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            return List.of();
        }
        if (type.isString()) {
            allowed.add(type.stringValue());
        } else {
            type.forEach(t -> allowed.add(t.asString("")));
        }
        List<JsonNode> likely = new ArrayList<>();
        if (value.isArray()) { // roles ["a","b"] drifting to "a b"
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.isString() ? v.stringValue() : v.toString()));
            likely.add(NODES.stringNode(String.join(" ", parts)));
        }
        if (value.isString()) {
            ArrayNode wrapped = NODES.arrayNode().add(value.stringValue());
            likely.add(wrapped);
        }
        if (value.isIntegralNumber()) {
            likely.add(NODES.stringNode(value.asString()));
        }
        likely.add(NODES.stringNode("x"));
        likely.add(NODES.numberNode(1));
        likely.add(NODES.numberNode(new BigDecimal("1.5")));
        likely.add(NODES.booleanNode(true));
        likely.add(NODES.arrayNode());
        likely.add(NODES.objectNode());
        likely.add(NODES.nullNode());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode candidate : likely) {
            if (!allowedType(allowed, candidate)
                    && out.stream().noneMatch(o -> typeName(o).equals(typeName(candidate)))) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** Values of the enum's own type that are not in it (or not the const). */
    static List<JsonNode> outsideEnum(JsonNode schema) {
        List<JsonNode> members = new ArrayList<>();
        if (schema.has("const")) {
            members.add(schema.get("const"));
        }
        schema.path("enum").forEach(members::add);
        if (members.isEmpty()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        JsonNode first = members.get(0);
        if (first.isString()) {
            out.add(NODES.stringNode(first.stringValue() + "-not-allowed"));
            out.add(NODES.stringNode(first.stringValue().toUpperCase(java.util.Locale.ROOT) + "X"));
        } else if (first.isNumber()) {
            BigDecimal max = members.stream()
                    .filter(JsonNode::isNumber)
                    .map(JsonNode::decimalValue)
                    .max(BigDecimal::compareTo)
                    .orElse(BigDecimal.ZERO);
            out.add(NODES.numberNode(max.add(BigDecimal.ONE).stripTrailingZeros()));
        } else if (first.isBoolean()) {
            out.add(NODES.booleanNode(!first.booleanValue()));
        }
        out.removeIf(members::contains);
        return out;
    }

    /** Values just outside each bound the schema declares, built from the valid value where possible. */
    static List<Bounded> outOfBounds(JsonNode schema, JsonNode value) {
        List<Bounded> out = new ArrayList<>();
        if (value.isString()) {
            String text = value.stringValue();
            int min = schema.path("minLength").asInt(0);
            if (min > 0) {
                out.add(new Bounded(
                        NODES.stringNode(text.codePointCount(0, text.length()) >= min ? prefix(text, min - 1) : ""),
                        "minLength " + min));
            }
            if (schema.path("maxLength").isIntegralNumber()) {
                int max = schema.path("maxLength").asInt();
                out.add(new Bounded(NODES.stringNode(padded(text, max + 1)), "maxLength " + max));
            }
        }
        if (value.isNumber()) {
            numberBound(schema, "minimum", BigDecimal.ONE.negate(), out);
            numberBound(schema, "maximum", BigDecimal.ONE, out);
            numberBound(schema, "exclusiveMinimum", BigDecimal.ZERO, out);
            numberBound(schema, "exclusiveMaximum", BigDecimal.ZERO, out);
        }
        if (value.isArray()) {
            int min = schema.path("minItems").asInt(0);
            if (min > 0) {
                ArrayNode shorter = NODES.arrayNode();
                for (int i = 0; i < Math.min(min - 1, value.size()); i++) {
                    shorter.add(value.get(i));
                }
                out.add(new Bounded(shorter, "minItems " + min));
            }
            if (schema.path("maxItems").isIntegralNumber()
                    && schema.path("maxItems").asInt() < 10_000) {
                int max = schema.path("maxItems").asInt();
                ArrayNode longer = ((ArrayNode) value).deepCopy();
                JsonNode sample = value.isEmpty() ? NODES.stringNode("item") : value.get(0);
                for (int i = 0; longer.size() <= max; i++) {
                    longer.add(
                            sample.isString()
                                    ? NODES.stringNode("item-" + i)
                                    : sample.isNumber() ? NODES.numberNode(100_000 + i) : sample);
                }
                out.add(new Bounded(longer, "maxItems " + max));
            }
        }
        return out;
    }

    /** Strings a pattern for identifiers or scopes is unlikely to allow, built from the valid value. */
    static List<JsonNode> offPattern(JsonNode value) {
        String text = value.isString() ? value.stringValue() : "x";
        List<JsonNode> out = new ArrayList<>();
        for (String candidate : List.of(
                text + " x", " " + text, text + "\"", "-" + text, "." + text, "!", "a b", "\u00e9" + text, "")) {
            out.add(NODES.stringNode(candidate));
        }
        return out;
    }

    static String typeName(JsonNode node) {
        if (node.isString()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.isBoolean() ? "boolean" : node.isArray() ? "array" : node.isObject() ? "object" : "null";
    }

    static String show(JsonNode node) {
        return Redact.shorten(node.toString(), 60);
    }

    private static boolean allowedType(Set<String> allowed, JsonNode node) {
        String name = typeName(node);
        return allowed.contains(name) || name.equals("integer") && allowed.contains("number");
    }

    private static void numberBound(JsonNode schema, String keyword, BigDecimal step, List<Bounded> out) {
        JsonNode bound = schema.get(keyword);
        if (bound != null && bound.isNumber()) {
            BigDecimal beyond = bound.decimalValue().add(step);
            boolean integer = "integer".equals(schema.path("type").asString(""));
            JsonNode node = integer && beyond.stripTrailingZeros().scale() <= 0
                    ? NODES.numberNode(beyond.toBigIntegerExact())
                    : NODES.numberNode(beyond);
            out.add(new Bounded(node, keyword + " " + bound.asString()));
        }
    }

    private static String prefix(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, codePoints)));
    }

    private static String padded(String text, int codePoints) {
        StringBuilder out = new StringBuilder(text);
        String fill = text.isEmpty()
                ? "a"
                : text.substring(text.offsetByCodePoints(0, text.codePointCount(0, text.length()) - 1));
        while (out.codePointCount(0, out.length()) < codePoints) {
            out.append(fill);
        }
        String result = out.toString();
        return result.substring(0, result.offsetByCodePoints(0, codePoints));
    }
}
