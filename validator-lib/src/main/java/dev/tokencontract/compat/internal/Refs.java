package dev.tokencontract.compat.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reference resolution within one document: {@code "#"}, {@code "#/json/pointer"} (percent-decoded), plain-name
 * anchors ({@code "#Address"} naming an {@code $anchor}), {@code $dynamicRef} to a {@code $dynamicAnchor}, and
 * any of these prefixed with the document's own {@code $id}. What cannot be resolved with certainty (a remote
 * reference, a duplicated anchor, a document whose subschemas set their own {@code $id}, which changes the
 * base of the references inside them) comes back as {@link Target#undecided} with the reason; callers report
 * it breaking both ways, never as "no change".
 */
final class Refs {
    /** Walking a hostile document for anchors stops here; the rest of the document is treated as undecided. */
    private static final int MAX_NODES = 200_000;

    private final JsonNode document;
    private final String base;
    private final Map<String, String> anchors = new HashMap<>();
    private final Map<String, String> dynamicAnchors = new HashMap<>();
    private final Set<String> duplicated = new HashSet<>();
    /** Why references in this document cannot be resolved with certainty; null when they can. */
    private String wholeDocumentUndecided;

    private int nodes;

    Refs(JsonNode document) {
        this.document = document;
        String id = document.path("$id").asString("");
        this.base = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
        index(document, "", true);
        if (nodes > MAX_NODES) {
            wholeDocumentUndecided =
                    "the document has more than " + MAX_NODES + " nodes, too many to index its anchors";
        }
    }

    /**
     * A resolved schema and its pointer in the document, or (when {@code reason} is set) a reference that could
     * not be resolved with certainty.
     */
    record Target(JsonNode node, String pointer, String reason) {
        static Target undecided(String reason) {
            return new Target(null, null, reason);
        }

        boolean resolved() {
            return reason == null;
        }
    }

    /** What {@code $ref} names. */
    Target resolve(JsonNode ref) {
        return resolve(ref, false);
    }

    /**
     * What {@code $dynamicRef} names. Within one schema resource (no embedded {@code $id}) the dynamic scope holds
     * one {@code $dynamicAnchor} per name, so it resolves like {@code $ref} to that anchor (or, without a matching
     * {@code $dynamicAnchor}, like a plain {@code $ref}).
     */
    Target resolveDynamic(JsonNode ref) {
        return resolve(ref, true);
    }

    private Target resolve(JsonNode ref, boolean dynamic) {
        if (ref == null || !ref.isString()) {
            return Target.undecided("the reference is not a string");
        }
        if (wholeDocumentUndecided != null) {
            return Target.undecided(wholeDocumentUndecided);
        }
        String text = ref.stringValue();
        if (!base.isEmpty()
                && text.startsWith(base)
                && (text.length() == base.length() || text.charAt(base.length()) == '#')) {
            text = text.length() == base.length() ? "#" : text.substring(base.length());
        }
        if (!text.startsWith("#")) {
            return Target.undecided("reference " + Show.text(text) + " points outside the document");
        }
        String fragment = decode(text.substring(1));
        if (fragment.isEmpty() || fragment.startsWith("/")) {
            try {
                JsonNode node = document.at(fragment);
                return node == null || node.isMissingNode()
                        ? Target.undecided("reference " + Show.text(text) + " points at nothing")
                        : new Target(node, fragment, null);
            } catch (IllegalArgumentException e) {
                return Target.undecided("reference " + Show.text(text) + " is not a valid JSON pointer");
            }
        }
        if (duplicated.contains(fragment)) {
            return Target.undecided("anchor '" + Show.text(fragment) + "' is declared more than once");
        }
        String pointer =
                dynamic && dynamicAnchors.containsKey(fragment) ? dynamicAnchors.get(fragment) : anchors.get(fragment);
        if (pointer == null) {
            pointer = dynamicAnchors.get(fragment); // a plain $ref may name a $dynamicAnchor too
        }
        return pointer == null
                ? Target.undecided("anchor '" + Show.text(fragment) + "' is not declared in the document")
                : new Target(document.at(pointer), pointer, null);
    }

    private void index(JsonNode node, String pointer, boolean root) {
        index(node, pointer, root, false);
    }

    /** @param schemaMap {@code node} is a map of name to schema ({@code properties}, {@code $defs}, ...), not a schema */
    private void index(JsonNode node, String pointer, boolean root, boolean schemaMap) {
        if (++nodes > MAX_NODES || !(node.isObject() || node.isArray())) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                index(node.get(i), pointer + "/" + i, false, false);
            }
            return;
        }
        if (!schemaMap) {
            if (!root && node.path("$id").isString()) {
                wholeDocumentUndecided =
                        "a subschema at " + Show.text(pointer) + " sets its own $id, which changes how references "
                                + "inside it resolve; the engine does not follow embedded resources";
            }
            declare(anchors, node.get("$anchor"), pointer);
            declare(dynamicAnchors, node.get("$dynamicAnchor"), pointer);
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = member.getKey();
            if (!schemaMap && Keywords.VALUES.contains(key)) {
                continue; // data, not schemas: an "$anchor" member inside an example is not an anchor
            }
            index(
                    member.getValue(),
                    pointer + "/" + Context.escape(key),
                    false,
                    !schemaMap && Keywords.SCHEMA_MAPS.contains(key));
        }
    }

    private void declare(Map<String, String> names, JsonNode name, String pointer) {
        if (name != null && name.isString()) {
            if (names.putIfAbsent(name.stringValue(), pointer) != null) {
                duplicated.add(name.stringValue());
            }
        }
    }

    /** A schema that is only a reference (with annotations at most), which inlining would not change. */
    static boolean isPureRef(JsonNode schema) {
        if (!schema.isObject() || !schema.has("$ref")) {
            return false;
        }
        for (String name : schema.propertyNames()) {
            if (!name.equals("$ref")
                    && !Keywords.ANNOTATIONS.contains(name)
                    && !Keywords.IDENTIFIERS.contains(name)
                    && !name.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    /** URI-fragment percent-decoding; the result is a JSON pointer or an anchor name. */
    private static String decode(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%'
                    && i + 2 < fragment.length()
                    && Character.digit(fragment.charAt(i + 1), 16) >= 0
                    && Character.digit(fragment.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
