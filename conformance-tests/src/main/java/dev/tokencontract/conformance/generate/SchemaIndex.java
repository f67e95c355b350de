package dev.tokencontract.conformance.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Where every subschema of one document lives: its base URI (from {@code $id}), its JSON pointer, and the
 * targets of {@code $id}, {@code $anchor} and {@code $dynamicAnchor}, so that {@code $ref}s resolve. Other
 * documents come only from the caller's {@code documents} function (URI to schema, or null), all loaded
 * up front; nothing is ever fetched. Immutable after construction.
 */
final class SchemaIndex {
    static final String DEFAULT_BASE = "https://tokencontract.invalid/schema.json";
    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "examples", "default");

    private final Map<JsonNode, String> bases = new IdentityHashMap<>();
    private final Map<JsonNode, String> pointers = new IdentityHashMap<>();
    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, JsonNode> dynamicAnchors = new HashMap<>();
    private final Map<JsonNode, SchemaFacts> facts = new IdentityHashMap<>();
    private static final int MAX_DOCUMENTS = 64;
    final JsonNode root;

    SchemaIndex(JsonNode root, Function<String, JsonNode> documents) {
        this.root = root;
        walk(root, DEFAULT_BASE, "");
        if (documents != null) {
            loadReferencedDocuments(documents);
        }
        for (JsonNode schema : bases.keySet()) {
            JsonNode ref = schema.get("$ref");
            facts.put(
                    schema,
                    SchemaFacts.of(
                            schema,
                            ref != null && ref.isString() ? resolve(schema, ref.stringValue()) : null,
                            base(schema)));
        }
    }

    /** The precomputed facts of a schema object of this document (or of a document it references). */
    SchemaFacts facts(JsonNode schema) {
        SchemaFacts known = facts.get(schema);
        return known != null ? known : SchemaFacts.of(schema, null, DEFAULT_BASE);
    }

    /** Indexes every other document a $ref names, transitively, as far as {@code documents} provides them. */
    private void loadReferencedDocuments(Function<String, JsonNode> documents) {
        for (int loaded = 0; loaded < MAX_DOCUMENTS; ) {
            List<String> missing = new ArrayList<>();
            for (Map.Entry<JsonNode, String> entry : bases.entrySet()) {
                for (String keyword : new String[] {"$ref", "$dynamicRef"}) {
                    JsonNode ref = entry.getKey().get(keyword);
                    if (ref != null && ref.isString()) {
                        String target = resolveUri(entry.getValue(), ref.stringValue());
                        String document = target == null ? null : stripFragment(target);
                        if (document != null && !resources.containsKey(document) && !missing.contains(document)) {
                            missing.add(document);
                        }
                    }
                }
            }
            boolean progress = false;
            for (String document : missing) {
                JsonNode fetched = documents.apply(document);
                if (fetched != null && loaded < MAX_DOCUMENTS) {
                    resources.put(document, fetched);
                    walk(fetched, document, document + "#");
                    loaded++;
                    progress = true;
                } else {
                    resources.putIfAbsent(document, null);
                }
            }
            resources.values().removeIf(java.util.Objects::isNull);
            if (!progress) {
                return;
            }
        }
    }

    /**
     * {@code $dynamicRef}: resolved like {@code $ref}; when the target carries a {@code $dynamicAnchor} of the
     * fragment's name, the outermost resource in {@code scope} with such a dynamic anchor wins (2020-12 core 8.2.3.2).
     */
    JsonNode resolveDynamic(JsonNode from, String ref, Scope scope) {
        JsonNode target = resolve(from, ref);
        int hash = ref.indexOf('#');
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (target == null
                || fragment.isEmpty()
                || fragment.startsWith("/")
                || !fragment.equals(target.path("$dynamicAnchor").asString(null))) {
            return target;
        }
        for (String base : scope.outermostFirst()) {
            JsonNode candidate = dynamicAnchors.get(base + "#" + fragment);
            if (candidate != null) {
                return candidate;
            }
        }
        return target;
    }

    String pointer(JsonNode schema) {
        return pointers.getOrDefault(schema, "");
    }

    /** Where a coverage label points: "#" plus the JSON pointer (a remote document's URI before the "#"). */
    String label(JsonNode schema) {
        String pointer = pointer(schema);
        return pointer.contains("#") ? pointer : "#" + pointer;
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
            if (pointer.isEmpty() || pointer.endsWith("#")) {
                resources.putIfAbsent(base, node);
            }
            for (String anchorKeyword : new String[] {"$anchor", "$dynamicAnchor"}) {
                JsonNode anchor = node.get(anchorKeyword);
                if (anchor != null && anchor.isString()) {
                    anchors.putIfAbsent(base + "#" + anchor.stringValue(), node);
                }
            }
            JsonNode dynamicAnchor = node.get("$dynamicAnchor");
            if (dynamicAnchor != null && dynamicAnchor.isString()) {
                dynamicAnchors.putIfAbsent(base + "#" + dynamicAnchor.stringValue(), node);
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
                // RFC 6901: an array index is 0 or digits without a leading zero ("012" and "+1" name nothing)
                if (!key.matches("0|[1-9][0-9]{0,8}")) {
                    return null;
                }
                current = current.get(Integer.parseInt(key));
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
