package dev.tokencontract.validator.internal;

import dev.tokencontract.json.StrictJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plain Java values (as frameworks hand out a JWT's header and claims) to a JSON tree. Times become
 * NumericDate seconds, URLs and URIs strings; anything else that is not JSON is refused rather than guessed.
 */
public final class PlainJson {
    private static final JsonNodeFactory NODES = StrictJson.mapper().getNodeFactory();
    private static final int MAX_DEPTH = StrictJson.MAX_DEPTH;

    private PlainJson() {}

    /** {@code null} for a null map. Throws {@link IllegalArgumentException} for values with no JSON form. */
    public static ObjectNode tree(Map<String, ?> map) {
        return map == null ? null : object(map, 0);
    }

    private static ObjectNode object(Map<?, ?> map, int depth) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            node.set(String.valueOf(entry.getKey()), value(entry.getValue(), depth + 1));
        }
        return node;
    }

    private static JsonNode value(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String s) {
            return NODES.stringNode(s);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        } else if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        } else if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        } else if (value instanceof Instant instant) {
            return NODES.numberNode(instant.getEpochSecond());
        } else if (value instanceof Date date) {
            return NODES.numberNode(date.toInstant().getEpochSecond());
        } else if (value instanceof URL || value instanceof URI) {
            return NODES.stringNode(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            return object(map, depth);
        } else if (value instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode();
            collection.forEach(item -> array.add(value(item, depth + 1)));
            return array;
        } else if (value instanceof Object[] items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                array.add(value(item, depth + 1));
            }
            return array;
        } else if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " has no JSON form");
    }
}
