package dev.tokencontract.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A short, bounded rendering of a JSON value for people: at most a given number of characters, and never
 * more work than that. {@code node.toString()} serialises the whole value, so describing each of 10,000
 * array items by its array would cost 10,000 times the array; this walks only as far as it prints.
 * Thread-safe.
 */
public final class JsonPreview {
    /** What a finding's {@code actual} or {@code expected} shows of a value. */
    public static final int DEFAULT_CHARS = 120;

    private JsonPreview() {}

    /** {@code "array of 6000 items [1, 1, 1, …]"}, {@code "string \"crm.read\""}, {@code "integer 5"}. */
    public static String describe(JsonNode node) {
        if (node == null) {
            return null;
        }
        String size = node.isArray()
                ? " of " + node.size() + (node.size() == 1 ? " item" : " items")
                : node.isObject() ? " of " + node.size() + (node.size() == 1 ? " member" : " members") : "";
        return JsonTypes.name(node) + size + " " + of(node, DEFAULT_CHARS);
    }

    /** The value as compact JSON, cut after {@code maxChars} characters with an ellipsis. */
    public static String of(JsonNode node, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(maxChars, 64) + 8);
        // Iterative walk: a hostile value 64 levels deep must not cost stack either.
        Deque<Object> work = new ArrayDeque<>();
        work.push(node);
        while (!work.isEmpty() && out.length() <= maxChars) {
            Object next = work.pop();
            if (next instanceof String text) {
                out.append(text);
            } else if (next instanceof Iterator<?> items) {
                step(items, work);
            } else {
                value((JsonNode) next, out, work, maxChars);
            }
        }
        if (out.length() > maxChars || !work.isEmpty()) {
            out.setLength(Math.min(out.length(), maxChars));
            out.append('…');
        }
        return out.toString();
    }

    private static void value(JsonNode node, StringBuilder out, Deque<Object> work, int maxChars) {
        if (node.isArray()) {
            out.append('[');
            work.push("]");
            work.push(node.values().iterator());
        } else if (node.isObject()) {
            out.append('{');
            work.push("}");
            work.push(node.properties().iterator());
        } else if (node.isString()) {
            String text = node.stringValue();
            out.append('"');
            quoted(text, out, maxChars);
            out.append('"');
        } else {
            out.append(node.toString()); // numbers, booleans and null are short (numbers ≤ 400 digits by StrictJson)
        }
    }

    /** Pushes the next element (and the separator after it) of an array or object being printed. */
    private static void step(Iterator<?> items, Deque<Object> work) {
        if (!items.hasNext()) {
            return;
        }
        Object item = items.next();
        if (items.hasNext()) {
            work.push(items);
            work.push(", ");
        }
        if (item instanceof Map.Entry<?, ?> entry) {
            work.push(entry.getValue());
            StringBuilder name = new StringBuilder("\"");
            quoted(String.valueOf(entry.getKey()), name, 64);
            work.push(name.append("\": ").toString());
        } else {
            work.push(item);
        }
    }

    private static void quoted(String text, StringBuilder out, int maxChars) {
        int limit = Math.min(text.length(), maxChars + 1);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (text.length() > limit) {
            out.append('…');
        }
    }
}
