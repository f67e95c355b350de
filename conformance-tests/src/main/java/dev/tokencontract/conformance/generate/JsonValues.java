package dev.tokencontract.conformance.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** JSON Schema's notions of type and equality (1 equals 1.0; object key order does not matter). */
final class JsonValues {
    private JsonValues() {}

    static String type(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isNumber()) {
            return isInteger(value) ? "integer" : "number";
        }
        if (value.isString()) {
            return "string";
        }
        return value.isArray() ? "array" : "object";
    }

    static boolean isInteger(JsonNode number) {
        if (number.isIntegralNumber()) {
            return true;
        }
        BigDecimal decimal = number.decimalValue();
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !equal(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static boolean contains(List<JsonNode> values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (equal(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    /** The values {@code const}/{@code enum} across the conjunction allow, or null when neither appears. */
    static List<JsonNode> enumerated(Conjunction c) {
        List<JsonNode> out = null;
        for (int i = 0; i < c.schemas.size(); i++) {
            if (!c.facts.get(i).enumerates) {
                continue;
            }
            JsonNode schema = c.schemas.get(i);
            JsonNode constant = schema.get("const");
            if (constant != null) {
                out = intersect(out, List.of(constant));
            }
            JsonNode values = schema.get("enum");
            if (values != null && values.isArray()) {
                List<JsonNode> list = new ArrayList<>(values.size());
                values.forEach(list::add);
                out = intersect(out, list);
            }
        }
        return out;
    }

    private static List<JsonNode> intersect(List<JsonNode> current, List<JsonNode> next) {
        if (current == null) {
            return next;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode value : current) {
            if (contains(next, value)) {
                out.add(value);
            }
        }
        return out;
    }

    /** Whether a negative that is only a const or an enum rules {@code value} out. */
    static boolean excludedByNegatives(JsonNode value, List<JsonNode> negatives) {
        for (JsonNode negative : negatives) {
            if (!negative.isObject()) {
                continue;
            }
            JsonNode constant = negative.get("const");
            if (constant != null && negative.size() == 1 && equal(constant, value)) {
                return true;
            }
            JsonNode values = negative.get("enum");
            if (values != null && negative.size() == 1 && values.isArray()) {
                for (JsonNode candidate : values) {
                    if (equal(candidate, value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
