package dev.tokencontract.contract.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The original document's schema resources and anchors, by the source draft's rules: which {@code $id}
 * (draft-04: {@code id}) starts a resource, which one only names an anchor ({@code "#name"}), and which one
 * draft-04/06/07 ignore because it sits beside a {@code $ref}. Walks only where the draft puts subschemas.
 */
final class ImportIndex {
    static final String DEFAULT_BASE = "https://tokencontract.invalid/imported.json";

    private final SourceDraft draft;
    private final Set<String> keywords;
    private final Map<JsonNode, String> baseOf = new IdentityHashMap<>();
    private final Map<JsonNode, List<String>> resourceOf = new IdentityHashMap<>();
    private final Map<String, List<String>> resources = new HashMap<>();
    private final Map<String, List<String>> anchors = new HashMap<>();
    private final Set<String> anchorNames = new HashSet<>();
    private final Map<JsonNode, Boolean> resourceRoots = new IdentityHashMap<>();
    boolean usesContains;
    boolean usesUnevaluatedItems;

    ImportIndex(JsonNode root, SourceDraft draft) {
        this.draft = draft;
        this.keywords = draft.keywords();
        resources.put(DEFAULT_BASE, List.of());
        walk(root, new ArrayList<>(), DEFAULT_BASE, List.of());
    }

    String base(JsonNode schema) {
        return baseOf.getOrDefault(schema, DEFAULT_BASE);
    }

    /** The path of the resource root that encloses {@code schema} (itself when it has an effective id). */
    List<String> resourceOf(JsonNode schema) {
        return resourceOf.getOrDefault(schema, List.of());
    }

    boolean isResourceRoot(JsonNode schema) {
        return resourceRoots.containsKey(schema);
    }

    List<String> resource(String uri) {
        return resources.get(uri);
    }

    List<String> anchor(String uriWithFragment) {
        return anchors.get(uriWithFragment);
    }

    Set<String> anchorNames() {
        return anchorNames;
    }

    /** The id this schema object sets, or null (draft-04/06/07 ignore an id beside a {@code $ref}). */
    String effectiveId(JsonNode node) {
        JsonNode id = node.get(draft.idKeyword());
        if (id == null
                || !id.isString()
                || draft.refSiblingsIgnored() && node.path("$ref").isString()) {
            return null;
        }
        return id.stringValue();
    }

    private void walk(JsonNode node, List<String> path, String base, List<String> resource) {
        if (!node.isObject()) {
            return;
        }
        String id = effectiveId(node);
        if (id != null) {
            String resolved = resolve(base, id);
            if (resolved != null) {
                int hash = resolved.indexOf('#');
                String document = hash < 0 ? resolved : resolved.substring(0, hash);
                String fragment = hash < 0 ? "" : resolved.substring(hash + 1);
                if (!id.startsWith("#")) {
                    base = document;
                    resource = List.copyOf(path);
                    resources.putIfAbsent(document, resource);
                    resourceRoots.put(node, true);
                }
                if (!fragment.isEmpty()) {
                    anchors.putIfAbsent(document + "#" + fragment, List.copyOf(path));
                    anchorNames.add(fragment);
                }
            }
        }
        if (path.isEmpty()) {
            resourceRoots.put(node, true);
        }
        for (String anchorKeyword : List.of("$anchor", "$dynamicAnchor")) {
            JsonNode anchor = node.get(anchorKeyword);
            if (anchor != null && anchor.isString() && keywords.contains(anchorKeyword)) {
                anchors.putIfAbsent(base + "#" + anchor.stringValue(), List.copyOf(path));
                anchorNames.add(anchor.stringValue());
            }
        }
        baseOf.put(node, base);
        resourceOf.put(node, resource);
        usesContains |= node.has("contains") && keywords.contains("contains");
        usesUnevaluatedItems |= node.has("unevaluatedItems") && keywords.contains("unevaluatedItems");
        boolean onlyDefinitions =
                draft.refSiblingsIgnored() && node.path("$ref").isString();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (onlyDefinitions && !key.equals("definitions")) {
                continue;
            }
            path.add(key);
            if (key.equals("definitions")
                    || key.equals("$defs")
                    || ImportKeywords.MAP.contains(key) && keywords.contains(key)
                    || key.equals("dependencies") && keywords.contains(key)) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    path.add(entry.getKey());
                    walk(entry.getValue(), path, base, resource);
                    path.remove(path.size() - 1);
                }
            } else if (ImportKeywords.ARRAY.contains(key) && keywords.contains(key)
                    || key.equals("items") && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    path.add(Integer.toString(i));
                    walk(value.get(i), path, base, resource);
                    path.remove(path.size() - 1);
                }
            } else if ((ImportKeywords.SINGLE.contains(key) || key.equals("items")) && keywords.contains(key)) {
                walk(value, path, base, resource);
            }
            path.remove(path.size() - 1);
        }
    }

    /** {@code ref} resolved against {@code base}, or null when it is not a URI. */
    static String resolve(String base, String ref) {
        try {
            if (ref.startsWith("#")) {
                int hash = base.indexOf('#');
                return (hash < 0 ? base : base.substring(0, hash)) + ref;
            }
            URI refUri = new URI(ref);
            if (refUri.isAbsolute()) {
                return refUri.toString();
            }
            URI baseUri = new URI(base);
            return baseUri.isOpaque() ? null : baseUri.resolve(refUri).toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
