package dev.tokencontract.contract.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Local references ({@code "#/..."}): each must resolve, and no chain of them may come back to where it
 * started without descending into the instance. {@code {"$ref": "#/properties/x"}} at
 * {@code /properties/x} compiles fine but recurses forever on the first token that has {@code x}, so it
 * is a lint error rather than a stack overflow in production. Recursion through {@code properties} or
 * {@code items} (the RFC 8693 {@code act} chain) is fine: the instance's depth bounds it.
 */
final class LocalRefs {
    /** Keywords that apply their subschemas to the same instance location. */
    private static final Set<String> IN_PLACE_ARRAYS = Set.of("allOf", "anyOf", "oneOf");

    private static final Set<String> IN_PLACE_SINGLE = Set.of("not", "if", "then", "else");

    private final JsonNode document;
    /** Schema pointer → the pointer of the schema resource its "#" fragments are relative to. */
    private final Map<String, String> resourceOf = new HashMap<>();
    /** Schema pointer → the schemas its local {@code $ref}/{@code $dynamicRef} point at. */
    private final Map<String, List<String>> targets = new HashMap<>();

    private LocalRefs(JsonNode document) {
        this.document = document;
    }

    static void check(JsonNode document, List<Finding> findings) {
        LocalRefs refs = new LocalRefs(document);
        SchemaWalk.walk(document, "", (node, pointer) -> refs.resourceOf.put(pointer, refs.resourceFor(node, pointer)));
        SchemaWalk.walk(document, "", (node, pointer) -> refs.resolve(node, pointer, findings));
        Set<String> done = new HashSet<>();
        for (String pointer : refs.resourceOf.keySet()) {
            refs.findCycles(pointer, done, findings);
        }
    }

    private String resourceFor(JsonNode node, String pointer) {
        if (pointer.isEmpty() || node.path("$id").isString()) {
            return pointer;
        }
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        while (!resourceOf.containsKey(parent)) {
            parent = parent.substring(0, parent.lastIndexOf('/'));
        }
        return resourceOf.get(parent);
    }

    private void resolve(JsonNode node, String pointer, List<Finding> findings) {
        for (String keyword : List.of("$ref", "$dynamicRef")) {
            JsonNode ref = node.get(keyword);
            if (ref == null
                    || !ref.isString()
                    || !(ref.stringValue().equals("#") || ref.stringValue().startsWith("#/"))) {
                continue; // anchors are left to the compiler; remote references are SchemaWalk's
            }
            String target = resourceOf.get(pointer) + decode(ref.stringValue().substring(1));
            JsonNode resolved;
            try {
                resolved = document.at(target);
            } catch (IllegalArgumentException e) {
                resolved = null;
            }
            if (resolved == null || resolved.isMissingNode()) {
                findings.add(Finding.error(
                        FindingCode.LINT_INVALID_SCHEMA,
                        pointer + "/" + SchemaWalk.escape(keyword),
                        "a reference to a subschema of this document",
                        Redact.value(ref.stringValue()),
                        "Reference " + Redact.value(ref.stringValue()) + " points at nothing."));
            } else {
                targets.computeIfAbsent(pointer, p -> new ArrayList<>()).add(target);
            }
        }
    }

    /**
     * Depth-first over in-place edges from {@code start}; reaching a schema that is still on the path closes
     * a cycle. Iterative: a contract may chain thousands of references, and the linter must never overflow.
     */
    private void findCycles(String start, Set<String> done, List<Finding> findings) {
        if (done.contains(start)) {
            return;
        }
        List<String> path = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        path.add(start);
        onPath.add(start);
        pending.push(inPlace(start).iterator());
        while (!pending.isEmpty()) {
            if (!pending.peek().hasNext()) {
                pending.pop();
                String finished = path.remove(path.size() - 1);
                onPath.remove(finished);
                done.add(finished);
                continue;
            }
            String next = pending.peek().next();
            if (onPath.contains(next)) {
                findings.add(cycle(path.subList(path.indexOf(next), path.size())));
            } else if (!done.contains(next)) {
                path.add(next);
                onPath.add(next);
                pending.push(inPlace(next).iterator());
            }
        }
    }

    private Finding cycle(List<String> loop) {
        // every cycle has a reference in it: subschema edges only ever go deeper
        String referrer =
                loop.stream().filter(targets::containsKey).reduce((a, b) -> b).orElse(loop.get(loop.size() - 1));
        String keyword = document.at(referrer).has("$ref") ? "/$ref" : "/$dynamicRef";
        String via = loop.stream()
                .map(p -> p.isEmpty() ? "#" : p)
                .reduce((a, b) -> a + " -> " + b)
                .orElse("#");
        return Finding.error(
                FindingCode.LINT_INVALID_SCHEMA,
                referrer + keyword,
                "references that reach a property or item before coming back",
                Redact.shorten(via, 200),
                "Reference cycle " + Redact.shorten(via, 200)
                        + " never descends into the instance: validation would never end.");
    }

    private List<String> inPlace(String pointer) {
        JsonNode node = document.at(pointer);
        List<String> next = new ArrayList<>();
        if (!node.isObject()) {
            return next;
        }
        next.addAll(targets.getOrDefault(pointer, List.of()));
        for (String keyword : IN_PLACE_ARRAYS) {
            for (int i = 0; i < node.path(keyword).size() && node.path(keyword).isArray(); i++) {
                next.add(pointer + "/" + keyword + "/" + i);
            }
        }
        IN_PLACE_SINGLE.stream().filter(node::has).forEach(keyword -> next.add(pointer + "/" + keyword));
        node.path("dependentSchemas")
                .propertyNames()
                .forEach(name -> next.add(pointer + "/dependentSchemas/" + SchemaWalk.escape(name)));
        return next;
    }

    /** URI-fragment percent-decoding; the result is a JSON pointer. */
    static String decode(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%'
                    && i + 2 < fragment.length()
                    && isHex(fragment.charAt(i + 1))
                    && isHex(fragment.charAt(i + 2))) {
                bytes.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
