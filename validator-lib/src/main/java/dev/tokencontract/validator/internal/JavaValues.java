package dev.tokencontract.validator.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Jackson nodes as plain, unmodifiable Java values (objects, lists, strings, numbers, booleans, null). */
public final class JavaValues {
    private JavaValues() {}

    /** An object node as a map (member order kept); anything else as an empty map. */
    public static Map<String, Object> object(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            map.put(member.getKey(), value(member.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** One node as a plain value; JSON null as {@code null}. */
    public static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(item -> list.add(value(item)));
            return Collections.unmodifiableList(list);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.toString();
    }
}
