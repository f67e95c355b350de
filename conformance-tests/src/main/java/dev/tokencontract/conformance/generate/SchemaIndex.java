package dev.tokencontract.conformance.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where every subschema of one document lives: its base URI (from {@code $id}), its JSON pointer, and the
 * targets of {@code $id}, {@code $anchor} and {@code $dynamicAnchor}, so that local {@code $ref}s resolve.
 * Nothing is ever fetched.
 */
final class SchemaIndex {
    static final String DEFAULT_BASE = "https://tokencontract.invalid/schema.json";
    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "examples", "default");

    private final Map<JsonNode, String> bases = new IdentityHashMap<>();
    private final Map<JsonNode, String> pointers = new IdentityHashMap<>();
    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    final JsonNode root;

    SchemaIndex(JsonNode root) {
        this.root = root;
        walk(root, DEFAULT_BASE, "");
    }

    String pointer(JsonNode schema) {
        return pointers.getOrDefault(schema, "");
    }

    String base(JsonNode schema) {
        return bases.getOrDefault(schema, DEFAULT_BASE);
    }

    /** The schema {@code ref} names from inside {@code from}, or null when it is not in this document. */
    JsonNode resolve(JsonNode from, String ref) {
        String target = resolveUri(base(from), ref);
        if (target == null) {
            return null;
        }
        int hash = target.indexOf('#');
        String document = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        JsonNode resource = resources.get(document);
        if (resource == null) {
            return null;
        }
        if (fragment.isEmpty()) {
            return resource;
        }
        if (fragment.startsWith("/")) {
            return pointerInto(resource, URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return anchors.get(document + "#" + fragment);
    }

    private void walk(JsonNode node, String base, String pointer) {
        if (node.isObject()) {
            JsonNode id = node.get("$id");
            if (id != null && id.isString()) {
                String resolved = resolveUri(base, id.stringValue());
                if (resolved != null) {
                    base = stripFragment(resolved);
                    resources.putIfAbsent(base, node);
                }
            }
            if (pointer.isEmpty()) {
                resources.putIfAbsent(base, node);
            }
            for (String anchorKeyword : new String[] {"$anchor", "$dynamicAnchor"}) {
                JsonNode anchor = node.get(anchorKeyword);
                if (anchor != null && anchor.isString()) {
                    anchors.putIfAbsent(base + "#" + anchor.stringValue(), node);
                }
            }
            bases.put(node, base);
            pointers.put(node, pointer);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!DATA_KEYWORDS.contains(field.getKey())) {
                    walk(field.getValue(), base, pointer + "/" + escape(field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), base, pointer + "/" + i);
            }
        }
    }

    private static JsonNode pointerInto(JsonNode resource, String pointer) {
        JsonNode current = resource;
        for (String token : pointer.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (current.isArray()) {
                try {
                    current = current.get(Integer.parseInt(key));
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                current = current.get(key);
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static String resolveUri(String base, String ref) {
        try {
            if (ref.startsWith("#")) {
                return stripFragment(base) + ref;
            }
            URI refUri = new URI(ref);
            if (refUri.isAbsolute()) {
                return refUri.toString();
            }
            URI baseUri = new URI(base);
            if (baseUri.isOpaque()) {
                return null;
            }
            return baseUri.resolve(refUri).toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
