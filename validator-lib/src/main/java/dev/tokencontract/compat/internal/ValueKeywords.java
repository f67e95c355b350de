package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** {@code type}, {@code enum} and {@code const}: which values a claim may take. */
final class ValueKeywords {
    private static final List<String> ALL_TYPES =
            List.of("null", "boolean", "object", "array", "string", "integer", "non-integer number");

    private ValueKeywords() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        type(older, newer, ctx, d);
        values(older, newer, ctx, d);
    }

    private static void type(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.get("type");
        JsonNode after = newer.get("type");
        if (SchemaDiff.same(before, after)) {
            return;
        }
        Set<String> was = effectiveTypes(older);
        Set<String> now = effectiveTypes(newer);
        List<String> lost = new ArrayList<>(was);
        lost.removeAll(now);
        List<String> gained = new ArrayList<>(now);
        gained.removeAll(was);
        if (lost.isEmpty() && gained.isEmpty()) {
            return; // "string" and ["string"], or ["integer", "number"] and "number"
        }
        ChangeKind kind = lost.isEmpty()
                ? ChangeKind.TYPE_WIDENED
                : gained.isEmpty() ? ChangeKind.TYPE_NARROWED : ChangeKind.TYPE_CHANGED;
        StringBuilder why = new StringBuilder(d.out().subject(ctx))
                .append(": type ")
                .append(shown(before))
                .append(" → ")
                .append(shown(after));
        if (!lost.isEmpty()) {
            why.append("; ").append(String.join(", ", lost)).append(" values are now rejected");
        }
        if (!gained.isEmpty()) {
            why.append("; ").append(String.join(", ", gained)).append(" values were rejected by the old contract");
        }
        d.out()
                .add(
                        ctx,
                        kind,
                        Effect.of(!lost.isEmpty(), !gained.isEmpty()),
                        ctx.pointer("type", after != null),
                        why.toString(),
                        Show.json(before),
                        Show.json(after));
    }

    private static String shown(JsonNode type) {
        return type == null ? "(any)" : Show.json(type);
    }

    /** The value kinds a schema's {@code type} lets through, narrowed by its {@code enum}/{@code const} when present. */
    private static Set<String> effectiveTypes(JsonNode schema) {
        Set<String> kinds = types(schema.get("type"));
        if (schema.has("const") || schema.get("enum") instanceof ArrayNode) {
            Set<String> ofValues = new LinkedHashSet<>();
            if (schema.has("const")) {
                ofValues.add(kindOf(schema.get("const")));
            } else {
                schema.get("enum").values().forEach(v -> ofValues.add(kindOf(v)));
            }
            kinds.retainAll(ofValues);
        }
        return kinds;
    }

    private static String kindOf(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber()
                            || new BigDecimal(value.asString())
                                            .stripTrailingZeros()
                                            .scale()
                                    <= 0
                    ? "integer"
                    : "non-integer number";
        }
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            default -> "string";
        };
    }

    /** The JSON value kinds a {@code type} accepts; {@code number} is integer plus non-integer. */
    static Set<String> types(JsonNode type) {
        Set<String> kinds = new LinkedHashSet<>();
        if (type == null) {
            kinds.addAll(ALL_TYPES);
            return kinds;
        }
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            type.values().forEach(t -> names.add(t.asString("")));
        } else {
            names.add(type.asString(""));
        }
        for (String name : names) {
            if (name.equals("number")) {
                kinds.add("integer");
                kinds.add("non-integer number");
            } else {
                kinds.add(name);
            }
        }
        return kinds;
    }

    private static void values(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        if (SchemaDiff.same(older.get("enum"), newer.get("enum"))
                && SchemaDiff.same(older.get("const"), newer.get("const"))) {
            return;
        }
        Set<String> was = allowed(older);
        Set<String> now = allowed(newer);
        boolean constant = older.has("const") || newer.has("const");
        String keyword = newer.has("const") || (!newer.has("enum") && older.has("const")) ? "const" : "enum";
        String pointer = ctx.pointer(keyword, newer.has(keyword));
        String subject = d.out().subject(ctx);
        String before = Show.json(older.has("const") ? older.get("const") : older.get("enum"));
        String after = Show.json(newer.has("const") ? newer.get("const") : newer.get("enum"));
        if (was == null) {
            d.out()
                    .add(
                            ctx,
                            keyword + "-added",
                            Effect.TIGHTER,
                            pointer,
                            subject + ": now restricted to " + Show.list(now) + "; any other value is rejected",
                            before,
                            after);
            return;
        }
        if (now == null) {
            d.out()
                    .add(
                            ctx,
                            keyword + "-removed",
                            Effect.LOOSER,
                            pointer,
                            subject + ": no longer restricted to " + Show.list(was)
                                    + "; other values were rejected by the old contract",
                            before,
                            after);
            return;
        }
        Set<String> removed = new LinkedHashSet<>(was);
        removed.removeAll(now);
        Set<String> added = new LinkedHashSet<>(now);
        added.removeAll(was);
        if (constant && (!removed.isEmpty() || !added.isEmpty())) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.CONST_CHANGED,
                            Effect.of(!removed.isEmpty(), !added.isEmpty()),
                            pointer,
                            subject + ": allowed value" + (was.size() == 1 ? "" : "s") + " " + Show.list(was) + " → "
                                    + Show.list(now),
                            before,
                            after);
            return;
        }
        if (!removed.isEmpty()) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.ENUM_VALUE_REMOVED,
                            Effect.TIGHTER,
                            pointer,
                            subject + ": enum lost " + Show.list(removed) + "; tokens carrying "
                                    + Show.plural(removed.size(), "it", "them") + " are now rejected",
                            before,
                            after);
        }
        if (!added.isEmpty()) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.ENUM_VALUE_ADDED,
                            Effect.LOOSER,
                            pointer,
                            subject + ": enum gained " + Show.list(added)
                                    + "; consumers on the old contract reject tokens carrying "
                                    + Show.plural(added.size(), "it", "them"),
                            before,
                            after);
        }
    }

    /** The values {@code enum}/{@code const} allow, canonicalised; {@code null} when unrestricted. */
    private static Set<String> allowed(JsonNode schema) {
        Set<String> values = null;
        if (schema.has("enum") && schema.get("enum").isArray()) {
            values = new LinkedHashSet<>();
            for (JsonNode value : schema.get("enum").values()) {
                values.add(canonical(value));
            }
        }
        if (schema.has("const")) {
            String only = canonical(schema.get("const"));
            values = values == null || values.contains(only)
                    ? new LinkedHashSet<>(List.of(only))
                    : new LinkedHashSet<>();
        }
        return values;
    }

    /** JSON equality as JSON Schema has it: 1 equals 1.0, object members in any order. */
    static String canonical(JsonNode value) {
        if (value.isNumber()) {
            return new BigDecimal(value.asString()).stripTrailingZeros().toPlainString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.values().forEach(v -> items.add(canonical(v)));
            return "[" + String.join(",", items) + "]";
        }
        if (value.isObject()) {
            TreeMap<String, String> members = new TreeMap<>();
            value.properties().forEach(e -> members.put(e.getKey(), canonical(e.getValue())));
            StringBuilder out = new StringBuilder("{");
            members.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                    .append('"')
                    .append(k)
                    .append("\":")
                    .append(v));
            return out.append('}').toString();
        }
        return value.toString();
    }
}
