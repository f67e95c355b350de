package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Picks a value for a conjunction: from {@code const}/{@code enum} when present, else by type. */
final class ValueGen {
    static final List<String> TYPES = List.of("null", "boolean", "integer", "number", "string", "array", "object");
    private static final Set<String> NUMBER_WORDS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
    private static final Set<String> STRING_WORDS = Set.of("minLength", "maxLength", "pattern", "format");
    private static final Set<String> ARRAY_WORDS = Set.of("items", "prefixItems", "contains", "minItems", "maxItems", "uniqueItems",
            "minContains", "maxContains", "unevaluatedItems");
    private static final Set<String> OBJECT_WORDS = Set.of("properties", "required", "additionalProperties", "patternProperties",
            "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties");

    private final Context context;
    private final NumberGen numbers = new NumberGen();
    private final StringGen strings;
    private final ArrayGen arrays;
    private final ObjectGen objects;

    ValueGen(Context context) {
        this.context = context;
        this.strings = new StringGen(context);
        this.arrays = new ArrayGen(context);
        this.objects = new ObjectGen(context);
    }

    JsonNode generate(Conjunction c, Choices in, int depth) {
        if (depth > Context.MAX_DEPTH) {
            throw new Rejected("value nested deeper than " + Context.MAX_DEPTH + " levels (a schema without a finite instance?)");
        }
        Set<String> allowed = allowedTypes(c);
        boolean integersExcluded = false;
        for (JsonNode negative : c.negatives) {
            if (negative.isBoolean() ? negative.booleanValue() : negative.isObject() && negative.isEmpty()) {
                throw new Rejected("'not' of a schema that admits everything");
            }
            if (negative.isObject() && negative.size() == 1 && negative.has("type")) {
                for (String type : typeNames(negative.get("type"))) {
                    allowed.remove(type);
                    if (type.equals("number")) {
                        allowed.remove("integer");
                    }
                    integersExcluded |= type.equals("integer");
                }
            }
        }
        List<JsonNode> candidates = JsonValues.enumerated(c);
        if (candidates != null) {
            return pickEnumerated(c, candidates, allowed, in);
        }
        if (allowed.isEmpty()) {
            throw new Rejected("no JSON type satisfies every 'type' here");
        }
        JsonNode value = byType(c, allowed, integersExcluded, in, depth);
        // a value a simple negative (not: {const}/{enum}) rules out is redrawn a few times
        for (int attempt = 0; attempt < 8 && JsonValues.excludedByNegatives(value, c.negatives); attempt++) {
            value = byType(c, allowed, integersExcluded, in, depth);
        }
        return value;
    }

    private JsonNode byType(Conjunction c, Set<String> allowed, boolean integersExcluded, Choices in, int depth) {
        String type = chooseType(c, allowed, in, depth);
        switch (type) {
            case "null":
                return Context.NODES.nullNode();
            case "boolean":
                return Context.NODES.booleanNode(in.bool());
            case "integer":
                return numbers.generate(c, in, true, false);
            case "number":
                return numbers.generate(c, in, false, integersExcluded);
            case "string":
                return Context.NODES.stringNode(strings.generate(c, in));
            case "array":
                return arrays.generate(c, in, depth);
            default:
                return objects.generate(c, in, depth);
        }
    }

    private JsonNode pickEnumerated(Conjunction c, List<JsonNode> candidates, Set<String> allowed, Choices in) {
        List<JsonNode> usable = new ArrayList<>(candidates.size());
        for (JsonNode candidate : candidates) {
            String type = JsonValues.type(candidate);
            boolean typeOk = allowed.contains(type) || (type.equals("integer") && allowed.contains("number"));
            if (typeOk && !JsonValues.excludedByNegatives(candidate, c.negatives)) {
                usable.add(candidate);
            }
        }
        if (usable.isEmpty()) {
            throw new Rejected("const/enum leave no value that is also allowed by 'type' and 'not'");
        }
        JsonNode chosen = usable.get(in.chooseInt(usable.size() - 1));
        if (usable.size() <= 64) {
            JsonNode owner = firstWith(c, "enum");
            if (owner != null) {
                in.label("enum=" + chosen + "@" + context.index.label(owner));
            }
        }
        return chosen.deepCopy();
    }

    private static JsonNode firstWith(Conjunction c, String keyword) {
        for (JsonNode schema : c.schemas) {
            if (schema.has(keyword)) {
                return schema;
            }
        }
        return null;
    }

    private String chooseType(Conjunction c, Set<String> allowed, Choices in, int depth) {
        if (allowed.size() == 1) {
            return allowed.iterator().next();
        }
        List<String> hinted = new ArrayList<>();
        for (String type : allowed) {
            if (hints(c, type)) {
                hinted.add(type);
            }
        }
        List<String> pool = new ArrayList<>(allowed);
        if (depth >= Context.SHALLOW_DEPTH) {
            pool.removeIf(type -> (type.equals("array") || type.equals("object")) && !hinted.contains(type));
            if (pool.isEmpty()) {
                pool.addAll(allowed);
            }
        }
        if (!hinted.isEmpty() && !in.bool(0.25)) {
            pool = hinted;
        }
        String type = pool.get(in.chooseInt(pool.size() - 1));
        return type;
    }

    private static boolean hints(Conjunction c, String type) {
        Set<String> words = switch (type) {
            case "integer", "number" -> NUMBER_WORDS;
            case "string" -> STRING_WORDS;
            case "array" -> ARRAY_WORDS;
            case "object" -> OBJECT_WORDS;
            default -> Set.of();
        };
        for (JsonNode schema : c.schemas) {
            for (String word : words) {
                if (schema.has(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> allowedTypes(Conjunction c) {
        Set<String> allowed = new LinkedHashSet<>(TYPES);
        for (JsonNode typeNode : c.all("type")) {
            List<String> names = typeNames(typeNode);
            allowed.removeIf(type -> !(names.contains(type) || (type.equals("integer") && names.contains("number"))));
        }
        return allowed;
    }

    static List<String> typeNames(JsonNode typeNode) {
        List<String> names = new ArrayList<>();
        if (typeNode.isString()) {
            names.add(typeNode.stringValue());
        } else if (typeNode.isArray()) {
            for (JsonNode name : typeNode) {
                if (name.isString()) {
                    names.add(name.stringValue());
                }
            }
        }
        return names;
    }
}
