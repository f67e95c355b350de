package dev.tokencontract.compat.internal;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schema 2020-12 keywords the engine understands; anything else is diffed conservatively. */
final class Keywords {
    /** Annotations: nothing a token can observe. */
    static final Set<String> ANNOTATIONS = Set.of(
            "title",
            "description",
            "examples",
            "$comment",
            "default",
            "deprecated",
            "readOnly",
            "writeOnly",
            "contentEncoding",
            "contentMediaType",
            "contentSchema");

    /**
     * Identifiers: a reference names a schema through them, so a change in them shows as a change in what the
     * references resolve to, which is compared; on their own they accept or reject nothing.
     */
    static final Set<String> IDENTIFIERS = Set.of("$anchor", "$dynamicAnchor");

    /** Keywords whose values are data, not schemas. */
    static final Set<String> VALUES = Set.of("const", "enum", "examples", "default");

    /** Keywords whose values map names to schemas. */
    static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

    /** Containers of subschemas reached only through {@code $ref}: compared where they are used. */
    static final Set<String> DEFINITIONS = Set.of("$defs", "definitions");

    /** Owned by the document header at the root: compared by {@code HeaderDiff}, {@code JoseDiff}, {@code AuthorizationDiff}. */
    static final Set<String> ROOT_OWNED = Set.of("$schema", "$id", "x-contract", "x-jose", "x-authorization");

    static final Set<String> ASSERTIONS = Set.of(
            "type",
            "enum",
            "const",
            "pattern",
            "format",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "exclusiveMaximum",
            "multipleOf",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "minContains",
            "maxContains",
            "uniqueItems",
            "required",
            "dependentRequired",
            "properties",
            "patternProperties",
            "additionalProperties",
            "unevaluatedProperties",
            "propertyNames",
            "dependentSchemas",
            "items",
            "prefixItems",
            "contains",
            "unevaluatedItems",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "$ref",
            "$dynamicRef");

    /** Keywords that constrain only values of one JSON type (a value of another type passes them). */
    static final Map<String, Set<String>> BY_TYPE = Map.of(
            "string", Set.of("pattern", "format", "minLength", "maxLength"),
            "number", Set.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf"),
            "array",
                    Set.of(
                            "items",
                            "prefixItems",
                            "contains",
                            "minContains",
                            "maxContains",
                            "minItems",
                            "maxItems",
                            "uniqueItems",
                            "unevaluatedItems"),
            "object",
                    Set.of(
                            "required",
                            "dependentRequired",
                            "properties",
                            "patternProperties",
                            "additionalProperties",
                            "unevaluatedProperties",
                            "propertyNames",
                            "dependentSchemas",
                            "minProperties",
                            "maxProperties"));

    private Keywords() {}

    /**
     * {@code schema} without the keywords of the types that are not in {@code shared} (value kinds as
     * {@link ValueKeywords#types} names them). A keyword of a type that only one version allows cannot change
     * what both accept: the {@code type} change already says all there is (array values now rejected, ...).
     */
    static JsonNode scopedTo(JsonNode schema, Set<String> shared) {
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        ObjectNode copy = null;
        for (Map.Entry<String, Set<String>> group : BY_TYPE.entrySet()) {
            boolean applies = group.getKey().equals("number")
                    ? shared.contains("integer") || shared.contains("non-integer number")
                    : shared.contains(group.getKey());
            if (applies) {
                continue;
            }
            for (String keyword : group.getValue()) {
                if (object.has(keyword)) {
                    copy = copy == null ? object.deepCopy() : copy;
                    copy.remove(keyword);
                }
            }
        }
        return copy == null ? schema : copy;
    }

    static boolean known(String keyword) {
        return ANNOTATIONS.contains(keyword)
                || IDENTIFIERS.contains(keyword)
                || DEFINITIONS.contains(keyword)
                || ASSERTIONS.contains(keyword);
    }

    /** {@code maxLength} → {@code max-length}, for change kinds. */
    static String kebab(String keyword) {
        StringBuilder out = new StringBuilder();
        for (char c : keyword.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else if (c != '$') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
