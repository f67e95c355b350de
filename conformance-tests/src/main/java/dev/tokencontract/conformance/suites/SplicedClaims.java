package dev.tokencontract.conformance.suites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Targeted candidates for the counterexample search, for what random generation rarely hits: a base claim set
 * with one value the documents name (a {@code const}, an {@code enum} member) put at one place their schemas
 * declare (a property, an array item, an undeclared member, a property name, a {@code dependentSchemas} branch
 * with its trigger), following local references and anchors. A widened role enum behind {@code not}, or a value
 * only a {@code dependentSchemas} branch constrains, is found this way. Deterministic; bounded.
 */
final class SplicedClaims {
    static final int MAX_CANDIDATES = 3_000;
    private static final int MAX_PLACES = 300;
    private static final int MAX_VALUES = 60;
    private static final int MAX_DEPTH = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A place in the claims: a path of steps; {@code triggers} are members put beside the last one. */
    private record Place(List<String> path, Set<String> triggers) {}

    private SplicedClaims() {}

    /** Candidates in a fixed order: every place with the documents' named values first, then a few plain ones. */
    static List<ObjectNode> candidates(ObjectNode base, JsonNode older, JsonNode newer) {
        Map<String, Place> places = new LinkedHashMap<>();
        walk(older, older, List.of(), Set.of(), Set.of(), 0, places);
        walk(newer, newer, List.of(), Set.of(), Set.of(), 0, places);
        Set<JsonNode> values = new LinkedHashSet<>();
        collectValues(older, values);
        collectValues(newer, values);
        for (JsonNode plain : List.of(
                NODES.stringNode("x"),
                NODES.numberNode(0),
                NODES.numberNode(1.5),
                NODES.booleanNode(true),
                NODES.nullNode())) {
            values.add(plain);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Place place : places.values()) {
            for (JsonNode value : values) {
                if (out.size() >= MAX_CANDIDATES) {
                    return out;
                }
                ObjectNode candidate = base.deepCopy();
                if (put(candidate, place, value)) {
                    out.add(candidate);
                }
            }
        }
        return out;
    }

    /**
     * @param parentTriggers members to put beside the last step of {@code path} (in the object holding it)
     * @param triggersHere   members to put in the object at {@code path} ({@code dependentSchemas} keys seen so far)
     */
    private static void walk(
            JsonNode schema,
            JsonNode document,
            List<String> path,
            Set<String> parentTriggers,
            Set<String> triggersHere,
            int depth,
            Map<String, Place> places) {
        if (depth > MAX_DEPTH || places.size() >= MAX_PLACES || !schema.isObject()) {
            return;
        }
        if (!path.isEmpty()) {
            places.putIfAbsent(path + " " + parentTriggers, new Place(path, parentTriggers));
        }
        for (String keyword : List.of("$ref", "$dynamicRef")) {
            JsonNode target = resolve(document, schema.path(keyword).asString(""));
            if (target != null) {
                walk(target, document, path, parentTriggers, triggersHere, depth + 1, places);
            }
        }
        schema.path("properties")
                .properties()
                .forEach(e -> walk(
                        e.getValue(), document, append(path, e.getKey()), triggersHere, Set.of(), depth + 1, places));
        schema.path("dependentSchemas")
                .properties()
                .forEach(e -> walk(
                        e.getValue(),
                        document,
                        path,
                        parentTriggers,
                        union(triggersHere, e.getKey()),
                        depth + 1,
                        places));
        schema.path("patternProperties")
                .properties()
                .forEach(e -> walk(
                        e.getValue(),
                        document,
                        append(path, "=" + literalPrefix(e.getKey())),
                        triggersHere,
                        Set.of(),
                        depth + 1,
                        places));
        for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
            walk(schema.path(keyword), document, append(path, "*"), triggersHere, Set.of(), depth + 1, places);
        }
        walk(schema.path("propertyNames"), document, append(path, "#"), Set.of(), Set.of(), depth + 1, places);
        for (String keyword : List.of("items", "contains", "unevaluatedItems")) {
            walk(schema.path(keyword), document, append(path, "[]"), Set.of(), Set.of(), depth + 1, places);
        }
        JsonNode prefix = schema.path("prefixItems");
        for (int i = 0; i < prefix.size() && i < 8; i++) {
            walk(prefix.get(i), document, append(path, "[" + i + "]"), Set.of(), Set.of(), depth + 1, places);
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(keyword)
                    .values()
                    .forEach(branch -> walk(branch, document, path, parentTriggers, triggersHere, depth + 1, places));
        }
        for (String keyword : List.of("not", "if", "then", "else")) {
            walk(schema.path(keyword), document, path, parentTriggers, triggersHere, depth + 1, places);
        }
    }

    /** Puts {@code value} at {@code place}, building the objects and arrays on the way; false when the base is in the way. */
    private static boolean put(ObjectNode claims, Place place, JsonNode value) {
        List<String> path = place.path();
        if (path.get(0).startsWith("[") || path.get(0).equals("#")) {
            return false; // the claims object itself is not an array, and its names are not the value
        }
        JsonNode built = value;
        for (int i = path.size() - 1; i >= 1; i--) {
            built = wrap(path.get(i), built, i == path.size() - 1 ? place.triggers() : Set.of());
        }
        String first = path.get(0);
        String name = first.equals("*") ? key(value) : first.startsWith("=") ? first.substring(1) : first;
        claims.set(name, built);
        if (path.size() == 1) {
            place.triggers().forEach(trigger -> claims.putIfAbsent(trigger, value));
        }
        return true;
    }

    private static JsonNode wrap(String step, JsonNode inner, Set<String> triggers) {
        if (step.startsWith("[")) {
            ArrayNode array = NODES.arrayNode();
            int copies = step.equals("[]") ? 1 : Integer.parseInt(step.substring(1, step.length() - 1)) + 1;
            for (int i = 0; i < copies; i++) {
                array.add(inner.deepCopy());
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        String name =
                step.equals("*") || step.equals("#") ? key(inner) : step.startsWith("=") ? step.substring(1) : step;
        object.set(name, inner);
        triggers.forEach(trigger -> object.putIfAbsent(trigger, inner.deepCopy()));
        return object;
    }

    private static String key(JsonNode value) {
        return value.isString() ? value.stringValue() : "x";
    }

    /** The literal start of an anchored pattern ({@code ^g_} gives {@code g_}), else {@code x}. */
    private static String literalPrefix(String regex) {
        StringBuilder out = new StringBuilder();
        for (int i = regex.startsWith("^") ? 1 : 0;
                i < regex.length()
                        && (Character.isLetterOrDigit(regex.charAt(i))
                                || regex.charAt(i) == '_'
                                || regex.charAt(i) == '-');
                i++) {
            out.append(regex.charAt(i));
        }
        return out.isEmpty() ? "x" : out.toString();
    }

    private static void collectValues(JsonNode node, Set<JsonNode> values) {
        if (values.size() >= MAX_VALUES || !node.isContainer()) {
            return;
        }
        if (node.isObject()) {
            if (node.has("const")) {
                values.add(node.get("const"));
            }
            if (node.path("enum").isArray()) {
                for (JsonNode member : node.get("enum")) {
                    if (values.size() < MAX_VALUES) {
                        values.add(member);
                    }
                }
            }
            node.properties().forEach(e -> {
                if (!e.getKey().equals("enum")
                        && !e.getKey().equals("const")
                        && !e.getKey().equals("examples")
                        && !e.getKey().equals("default")) {
                    collectValues(e.getValue(), values);
                }
            });
        } else {
            node.values().forEach(child -> collectValues(child, values));
        }
    }

    private static JsonNode resolve(JsonNode document, String ref) {
        if (ref.equals("#") || ref.startsWith("#/")) {
            try {
                JsonNode target = document.at(ref.substring(1));
                return target.isMissingNode() ? null : target;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return ref.startsWith("#") && ref.length() > 1 ? anchor(document, ref.substring(1), 0) : null;
    }

    private static JsonNode anchor(JsonNode node, String name, int depth) {
        if (depth > 64 || !node.isContainer()) {
            return null;
        }
        if (node.isObject()
                && (name.equals(node.path("$anchor").asString(null))
                        || name.equals(node.path("$dynamicAnchor").asString(null)))) {
            return node;
        }
        for (JsonNode child : node.values()) {
            JsonNode found = anchor(child, name, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static Set<String> union(Set<String> triggers, String trigger) {
        Set<String> more = new LinkedHashSet<>(triggers);
        more.add(trigger);
        return Set.copyOf(more);
    }
}
