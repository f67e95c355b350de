package dev.tokencontract.contract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works around networknt reading every all-digit JSON pointer token as an array index: it resolves
 * {@code #/$defs/012/x} as {@code #/$defs/12/x} (and a token beyond {@code int} range as an overflowed
 * number), so a valid contract whose {@code $defs} key is {@code 012} would not compile. RFC 6901 says a
 * token names an object member by its exact text. Before networknt sees the schema, each such reference
 * in a copy points instead at an alias of its target under the resource's {@code $defs}
 * ({@code #/$defs/tokencontract-pointer-0}); the alias is the same schema object, so the references inside
 * it resolve as before. The contract's own document is never changed. A reference whose path crosses into
 * another schema resource ({@code $id}) is left alone.
 */
final class PointerRefs {
    private static final String ALIAS_PREFIX = "tokencontract-pointer-";

    private PointerRefs() {}

    /** The document itself when nothing needs rewriting, else a rewritten copy. */
    static JsonNode forNetworknt(JsonNode document) {
        List<Rewrite> rewrites = new ArrayList<>();
        collect(document, document, List.of(), new ArrayList<>(), rewrites);
        if (rewrites.isEmpty()) {
            return document;
        }
        JsonNode copy = document.deepCopy();
        int next = 0;
        for (Rewrite rewrite : rewrites) {
            JsonNode target = at(copy, rewrite.target());
            ObjectNode resource = (ObjectNode) at(copy, rewrite.resource());
            ObjectNode defs =
                    resource.get("$defs") instanceof ObjectNode existing ? existing : resource.putObject("$defs");
            String alias;
            do {
                alias = ALIAS_PREFIX + next++;
            } while (defs.has(alias));
            defs.set(alias, target);
            ((ObjectNode) at(copy, rewrite.holder())).put(rewrite.keyword(), "#/$defs/" + alias);
        }
        return copy;
    }

    private record Rewrite(List<String> resource, List<String> holder, String keyword, List<String> target) {}

    private static void collect(
            JsonNode node, JsonNode resource, List<String> resourcePath, List<String> path, List<Rewrite> rewrites) {
        if (node.isObject()) {
            if (!path.isEmpty() && node.path("$id").isString()) {
                resource = node;
                resourcePath = List.copyOf(path);
            }
            for (String keyword : List.of("$ref", "$dynamicRef")) {
                JsonNode ref = node.get(keyword);
                if (ref != null && ref.isString() && ref.stringValue().startsWith("#/")) {
                    List<String> tokens =
                            tokens(LocalRefs.decode(ref.stringValue().substring(1)));
                    if (tokens.stream().anyMatch(PointerRefs::misreadAsIndex)
                            && targetWithinResource(resource, tokens)) {
                        List<String> target = new ArrayList<>(resourcePath);
                        target.addAll(tokens);
                        rewrites.add(new Rewrite(resourcePath, List.copyOf(path), keyword, target));
                    }
                }
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                if (!key.startsWith("x-")
                        && !key.equals("const")
                        && !key.equals("enum")
                        && !key.equals("examples")
                        && !key.equals("default")) {
                    path.add(key);
                    collect(entry.getValue(), resource, resourcePath, path, rewrites);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(Integer.toString(i));
                collect(node.get(i), resource, resourcePath, path, rewrites);
                path.remove(path.size() - 1);
            }
        }
    }

    /** An all-digit token networknt would not read back as the same text (leading zeros, beyond int range). */
    static boolean misreadAsIndex(String token) {
        if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return token.length() > 1 && token.charAt(0) == '0' || token.length() > 9 && !fitsInt(token);
    }

    private static boolean fitsInt(String digits) {
        try {
            Integer.parseInt(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The target is an object schema reached through objects and canonical array indexes, without entering another resource. */
    private static boolean targetWithinResource(JsonNode resource, List<String> tokens) {
        JsonNode current = resource;
        for (String token : tokens) {
            current = step(current, token);
            if (current == null || current.isObject() && current.path("$id").isString()) {
                return false;
            }
        }
        return current.isObject() || current.isBoolean();
    }

    private static JsonNode step(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray() && token.matches("0|[1-9][0-9]{0,8}")) {
            return node.get(Integer.parseInt(token));
        }
        return null;
    }

    private static JsonNode at(JsonNode root, List<String> path) {
        JsonNode current = root;
        for (String token : path) {
            current = step(current, token);
        }
        return current;
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
