package dev.tokencontract.contract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where a place in the original document ends up after {@link DraftConversion}: {@code /definitions/a} becomes
 * {@code /$defs/a}, {@code /items/0} of a tuple {@code /prefixItems/0}, {@code /dependencies/b} either
 * {@code /dependentRequired/b} or {@code /dependentSchemas/b}, and so on; or why it no longer exists.
 */
final class PointerTranslation {
    /** The converted path, or the reason there is none. */
    record Result(List<String> tokens, String problem) {}

    private enum Kind {
        SCHEMA,
        SCHEMA_ARRAY,
        SCHEMA_MAP,
        DATA
    }

    private final JsonNode root;
    private final SourceDraft draft;
    private final Set<String> keywords;

    PointerTranslation(JsonNode root, SourceDraft draft) {
        this.root = root;
        this.draft = draft;
        this.keywords = draft.keywords();
    }

    Result translate(List<String> original) {
        List<String> out = new ArrayList<>();
        JsonNode node = root;
        Kind kind = Kind.SCHEMA;
        for (int i = 0; i < original.size(); i++) {
            String token = original.get(i);
            JsonNode next = step(node, token);
            if (next == null) {
                return new Result(null, "points at nothing");
            }
            switch (kind) {
                case SCHEMA_ARRAY, SCHEMA_MAP -> {
                    out.add(token);
                    kind = Kind.SCHEMA;
                }
                case DATA -> out.add(token);
                case SCHEMA -> {
                    if (draft.refSiblingsIgnored()
                            && node.path("$ref").isString()
                            && !ImportKeywords.KEPT_BESIDE_REF.contains(token)) {
                        return new Result(
                                null, "points into " + token + ", which " + draft.label() + " ignores beside $ref");
                    }
                    if (token.equals("dependencies") && keywords.contains(token) && i + 1 < original.size()) {
                        String name = original.get(++i);
                        JsonNode value = step(next, name);
                        if (value == null) {
                            return new Result(null, "points at nothing");
                        }
                        out.add(value.isArray() ? "dependentRequired" : "dependentSchemas");
                        out.add(name);
                        kind = value.isArray() ? Kind.DATA : Kind.SCHEMA;
                        next = value;
                    } else {
                        String problem = keyword(node, token, next, out);
                        if (problem != null) {
                            return new Result(null, problem);
                        }
                        kind = kindOf(token, next);
                    }
                }
            }
            node = next;
        }
        return new Result(out, null);
    }

    /** Appends the converted name of keyword {@code token}; returns why the place is gone, or null. */
    private String keyword(JsonNode schema, String token, JsonNode value, List<String> out) {
        boolean older = draft != SourceDraft.DRAFT_2020_12;
        if (token.equals("definitions") && older) {
            out.add("$defs");
        } else if (token.equals("items") && value.isArray() && older) {
            if (value.isEmpty()) {
                return "points into an empty tuple, which the conversion removes";
            }
            out.add("prefixItems");
        } else if (token.equals("additionalItems") && keywords.contains(token)) {
            if (!schema.path("items").isArray()) {
                return "points into additionalItems, which has no effect without tuple items and is removed";
            }
            out.add("items");
        } else if (draft.ignoredHereActiveIn202012(token)) {
            return "points into " + token + ", which " + draft.label() + " ignores and the conversion removes";
        } else if (draft == SourceDraft.DRAFT_2019_09
                && (token.equals("$recursiveRef") || token.equals("$recursiveAnchor"))) {
            return "points into " + token;
        } else {
            out.add(token);
        }
        return null;
    }

    private Kind kindOf(String token, JsonNode value) {
        boolean known = keywords.contains(token) || token.equals("definitions") || token.equals("$defs");
        if (!known) {
            return Kind.DATA;
        }
        if (token.equals("items")) {
            return value.isArray() ? Kind.SCHEMA_ARRAY : Kind.SCHEMA;
        }
        if (ImportKeywords.ARRAY.contains(token)) {
            return Kind.SCHEMA_ARRAY;
        }
        if (ImportKeywords.MAP.contains(token)) {
            return Kind.SCHEMA_MAP;
        }
        return ImportKeywords.SINGLE.contains(token) ? Kind.SCHEMA : Kind.DATA;
    }

    static JsonNode step(JsonNode node, String token) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray() && token.matches("0|[1-9][0-9]{0,8}")) {
            return node.get(Integer.parseInt(token));
        }
        return null;
    }

    static JsonNode at(JsonNode root, List<String> tokens) {
        JsonNode current = root;
        for (String token : tokens) {
            current = step(current, token);
        }
        return current;
    }
}
