package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.conformance.generate.regex.Regex;
import dev.tokencontract.conformance.generate.regex.RegexSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Which names an object may hold beyond its required ones, and how to make one up. */
final class PropertyNames {
    private PropertyNames() {}

    static boolean patternMatches(String pattern, String name) {
        try {
            return Regex.compile(pattern).matches(name);
        } catch (RegexSyntaxException e) {
            return false;
        }
    }

    /** Whether some name outside {@code properties} could be added at all. */
    static boolean extrasPossible(Conjunction c) {
        for (JsonNode schema : c.schemas) {
            if (isFalse(schema.get("additionalProperties")) && !schema.has("patternProperties")) {
                return false;
            }
            if (isFalse(schema.get("propertyNames"))) {
                return false;
            }
        }
        return true;
    }

    /** A cheap check of {@code name} against additionalProperties/unevaluatedProperties false and simple propertyNames. */
    static boolean allowed(Conjunction c, String name) {
        boolean limited = false;
        for (SchemaFacts facts : c.facts) {
            limited |= facts.limitsNames;
        }
        if (!limited) {
            return true;
        }
        boolean evaluatedSomewhere = false;
        boolean unevaluatedFalse = false;
        for (JsonNode schema : c.schemas) {
            boolean declared = schema.path("properties").has(name) || matchesAnyPattern(schema, name);
            if (isFalse(schema.get("additionalProperties")) && !declared) {
                return false;
            }
            evaluatedSomewhere |= declared || schema.has("additionalProperties");
            unevaluatedFalse |= isFalse(schema.get("unevaluatedProperties"));
            JsonNode names = schema.get("propertyNames");
            if (names != null && !nameFits(names, name)) {
                return false;
            }
        }
        return !unevaluatedFalse || evaluatedSomewhere;
    }

    static String extraName(Context context, Conjunction c, Choices in, int depth) {
        List<Scoped> nameSchemas = new ArrayList<>();
        for (JsonNode schema : c.schemas) {
            if (schema.has("propertyNames")) {
                nameSchemas.add(c.child(schema, schema.get("propertyNames")));
            }
        }
        if (!nameSchemas.isEmpty()) {
            try {
                JsonNode name = context.generateAll(withStringType(nameSchemas), null, in, depth + 1);
                return name.isString() ? name.stringValue() : null;
            } catch (Rejected e) {
                return null;
            }
        }
        List<String> patterns = new ArrayList<>();
        for (JsonNode schema : c.schemas) {
            JsonNode patternProperties = schema.get("patternProperties");
            if (patternProperties != null) {
                for (Map.Entry<String, JsonNode> entry : patternProperties.properties()) {
                    patterns.add(entry.getKey());
                }
            }
        }
        if (!patterns.isEmpty() && !in.bool(0.2)) {
            try {
                return Regex.compile(patterns.get(in.chooseInt(patterns.size() - 1)))
                        .generate(in, 0, 24);
            } catch (RegexSyntaxException | Rejected e) {
                return null;
            }
        }
        return Formats.word(in, "abcdefghijklmnopqrstuvwxyz", 1, 8);
    }

    private static final JsonNode STRING_TYPE = Context.NODES.objectNode().put("type", "string");

    private static List<Scoped> withStringType(List<Scoped> schemas) {
        List<Scoped> out = new ArrayList<>(schemas);
        out.add(new Scoped(STRING_TYPE, schemas.get(0).scope()));
        return out;
    }

    private static boolean matchesAnyPattern(JsonNode schema, String name) {
        JsonNode patterns = schema.get("patternProperties");
        if (patterns == null) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : patterns.properties()) {
            if (patternMatches(entry.getKey(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameFits(JsonNode names, String name) {
        if (names.isBoolean()) {
            return names.booleanValue();
        }
        int length = name.codePointCount(0, name.length());
        if (names.has("maxLength") && length > StringGen.intValue(names.get("maxLength"))) {
            return false;
        }
        if (names.has("minLength") && length < StringGen.intValue(names.get("minLength"))) {
            return false;
        }
        JsonNode pattern = names.get("pattern");
        return pattern == null || !pattern.isString() || patternMatches(pattern.stringValue(), name);
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }
}
