package dev.tokencontract.conformance.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;

/** Refuses what is not a JSON Schema at all, or nested too deep to walk safely, with a clear message. */
final class SchemaShape {
    static final int MAX_DEPTH = 256;

    private SchemaShape() {}

    static void require(JsonNode schema) {
        if (schema == null) {
            throw new IllegalArgumentException("schema is null");
        }
        if (!schema.isObject() && !schema.isBoolean()) {
            throw new IllegalArgumentException(
                    "a JSON Schema is an object or a boolean, got " + JsonValues.type(schema));
        }
        // iterative, so a hostile depth cannot overflow the stack here
        Deque<JsonNode> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(schema);
        depths.push(0);
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("schema nested deeper than " + MAX_DEPTH + " levels");
            }
            if (node.isContainer()) {
                for (JsonNode child : node) {
                    nodes.push(child);
                    depths.push(depth + 1);
                }
            }
        }
    }
}
