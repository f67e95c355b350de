package dev.tokencontract.contract.internal;

import java.util.Set;

/** Where subschemas sit, per keyword, in the drafts {@link DraftConversion} reads. */
final class ImportKeywords {
    static final Set<String> SINGLE = Set.of(
            "additionalItems",
            "additionalProperties",
            "contains",
            "propertyNames",
            "not",
            "if",
            "then",
            "else",
            "unevaluatedItems",
            "unevaluatedProperties",
            "contentSchema");
    static final Set<String> ARRAY = Set.of("allOf", "anyOf", "oneOf");
    static final Set<String> MAP =
            Set.of("properties", "patternProperties", "definitions", "$defs", "dependentSchemas");
    /** What may stay beside a {@code $ref} in draft-04/06/07, where every other member is ignored. */
    static final Set<String> KEPT_BESIDE_REF = Set.of(
            "$ref",
            "definitions",
            "$schema",
            "title",
            "description",
            "$comment",
            "default",
            "examples",
            "readOnly",
            "writeOnly");

    private static final String ANCHOR_NAME = "[A-Za-z_][-A-Za-z0-9._]*";

    private ImportKeywords() {}

    static boolean isAnchorName(String name) {
        return name.matches(ANCHOR_NAME);
    }

    /** A JSON pointer from tokens, each escaped (RFC 6901). */
    static String pointer(Iterable<String> tokens) {
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** A URI fragment for a JSON pointer: RFC 6901 escaping, then percent-encoding of what a fragment cannot hold. */
    static String fragment(Iterable<String> tokens) {
        StringBuilder out = new StringBuilder("#");
        for (byte b : pointer(tokens).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (b >= 0 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The tokens of a JSON pointer ("" is the whole document). */
    static java.util.List<String> tokens(String pointer) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
