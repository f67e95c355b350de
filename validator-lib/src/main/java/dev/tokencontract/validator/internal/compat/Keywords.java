package dev.tokencontract.validator.internal.compat;

import java.util.Set;

/** The JSON Schema 2020-12 keywords the engine understands; anything else is diffed conservatively. */
final class Keywords {
    /** Annotations: nothing a token can observe. */
    static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "default", "deprecated",
            "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "contentSchema");

    /** Containers of subschemas reached only through {@code $ref}: compared where they are used. */
    static final Set<String> DEFINITIONS = Set.of("$defs", "definitions");

    /** Owned by the document header at the root: compared by {@code HeaderDiff}, {@code JoseDiff}, {@code AuthorizationDiff}. */
    static final Set<String> ROOT_OWNED = Set.of("$schema", "$id", "x-contract", "x-jose", "x-authorization");

    static final Set<String> ASSERTIONS = Set.of(
            "type", "enum", "const",
            "pattern", "format",
            "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
            "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains",
            "uniqueItems",
            "required", "dependentRequired", "properties", "patternProperties", "additionalProperties",
            "unevaluatedProperties", "propertyNames", "dependentSchemas",
            "items", "prefixItems", "contains", "unevaluatedItems",
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref");

    private Keywords() {}

    static boolean known(String keyword) {
        return ANNOTATIONS.contains(keyword) || DEFINITIONS.contains(keyword) || ASSERTIONS.contains(keyword);
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
