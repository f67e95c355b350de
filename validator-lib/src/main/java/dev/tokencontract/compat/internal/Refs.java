package dev.tokencontract.compat.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Local {@code $ref} resolution within one document. Only {@code "#"} and {@code "#/json/pointer"} resolve
 * (the linter already refused remote references); anchors and nested {@code $id} bases do not, and a
 * reference that does not resolve is compared as text, conservatively.
 */
final class Refs {
    private final JsonNode document;

    Refs(JsonNode document) {
        this.document = document;
    }

    /** A resolved schema and its pointer in the document. */
    record Target(JsonNode node, String pointer) {}

    /** The schema {@code ref} names, or {@code null} when it is not a local pointer or points at nothing. */
    Target resolve(JsonNode ref) {
        if (ref == null || !ref.isString()) {
            return null;
        }
        String text = ref.stringValue();
        if (!text.equals("#") && !text.startsWith("#/")) {
            return null;
        }
        String pointer = decode(text.substring(1));
        try {
            JsonNode node = document.at(pointer);
            return node == null || node.isMissingNode() ? null : new Target(node, pointer);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A schema that is only a reference (with annotations at most), which inlining would not change. */
    static boolean isPureRef(JsonNode schema) {
        if (!schema.isObject() || !schema.has("$ref")) {
            return false;
        }
        for (String name : schema.propertyNames()) {
            if (!name.equals("$ref") && !Keywords.ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    /** URI-fragment percent-decoding; the result is a JSON pointer. */
    private static String decode(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%' && i + 2 < fragment.length() && Character.digit(fragment.charAt(i + 1), 16) >= 0
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
