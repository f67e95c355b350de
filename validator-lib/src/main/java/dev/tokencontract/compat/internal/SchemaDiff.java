package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.ChangeKind;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Compares two schemas keyword by keyword, depth first, and reports each difference with its effect on
 * the tokens accepted. Local references are followed in each document; a pair of schemas already being
 * compared higher up (a reference cycle such as the RFC 8693 {@code act} chain) is not entered again.
 */
final class SchemaDiff {
    static final JsonNode TRUE = BooleanNode.TRUE;
    /** Steps a nested measurement costs beyond its own comparisons: it builds a collector and explanations of its own. */
    private static final int MEASURE_COST = 20;

    static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final Refs oldRefs;
    private final Refs newRefs;
    private final Set<String> onPath;
    /** Pairs that compared equal: equal wherever they are reached again (shared definitions, diamonds of references). */
    private final Set<String> clean;

    private final Collector out;
    private final Map<JsonNode, Boolean> referencing;

    SchemaDiff(Refs oldRefs, Refs newRefs, Collector out) {
        this(oldRefs, newRefs, new HashSet<>(), new HashSet<>(), out, new IdentityHashMap<>());
    }

    private SchemaDiff(
            Refs oldRefs,
            Refs newRefs,
            Set<String> onPath,
            Set<String> clean,
            Collector out,
            Map<JsonNode, Boolean> referencing) {
        this.referencing = referencing;
        this.oldRefs = oldRefs;
        this.newRefs = newRefs;
        this.onPath = onPath;
        this.clean = clean;
        this.out = out;
    }

    Collector out() {
        return out;
    }

    /** The root schema: the claims object, without the header annotations that other diffs own. */
    void root(JsonNode older, JsonNode newer) {
        diff(older, newer, Context.root(), true);
    }

    /** Compares {@code older} with {@code newer} at {@code ctx}; absent schemas are passed as {@link #TRUE}. */
    void diff(JsonNode older, JsonNode newer, Context ctx) {
        diff(older, newer, ctx, false);
    }

    /**
     * What comparing {@code older} with {@code newer} finds, without reporting it: the breaking classes, for a
     * change that is reported as one line (a property added to a model that constrained it differently).
     */
    Measured measure(JsonNode older, JsonNode newer, Context ctx) {
        out.charge(ctx, MEASURE_COST);
        SchemaDiff nested = new SchemaDiff(oldRefs, newRefs, onPath, clean, out.fork(), referencing);
        nested.diff(older, newer, ctx.neutral());
        Set<ChangeClass> classes = Effect.breaking(nested.out.classes());
        Set<String> kinds = new LinkedHashSet<>();
        nested.out.changes().forEach(c -> kinds.add(c.kind().wireName()));
        return new Measured(classes, kinds, nested.out.changes());
    }

    /** What a nested comparison found: its breaking classes, the kinds of change behind them, the changes (raw classes). */
    record Measured(Set<ChangeClass> classes, Set<String> kinds, List<Change> changes) {
        String summary() {
            return kinds.isEmpty() ? "" : " [" + Show.list(kinds) + "]";
        }
    }

    Refs.Target resolveOld(JsonNode ref, boolean dynamic) {
        return dynamic ? oldRefs.resolveDynamic(ref) : oldRefs.resolve(ref);
    }

    Refs.Target resolveNew(JsonNode ref, boolean dynamic) {
        return dynamic ? newRefs.resolveDynamic(ref) : newRefs.resolve(ref);
    }

    private void diff(JsonNode older, JsonNode newer, Context ctx, boolean root) {
        if (!out.step(ctx)) {
            return;
        }
        String pair = ctx.oldPointer() + '\u0000' + ctx.newPointer();
        boolean synthetic = older == TRUE || newer == TRUE || older == EMPTY || newer == EMPTY;
        if (!synthetic && clean.contains(pair) || !onPath.add(pair)) {
            return; // equal before, or a reference cycle: this pair is being compared further up
        }
        int found = out.size();
        try {
            compare(older, newer, ctx, root);
        } finally {
            onPath.remove(pair);
        }
        if (!synthetic && out.size() == found && !out.exhausted()) {
            clean.add(pair);
        }
    }

    private void compare(JsonNode older, JsonNode newer, Context ctx, boolean root) {
        // An inline schema that became a reference (or the reverse) is compared with what the reference names.
        if (Refs.isPureRef(older) && !newer.has("$ref")) {
            Refs.Target target = oldRefs.resolve(older.get("$ref"));
            if (target.resolved()) {
                diff(target.node(), newer, ctx.at(target.pointer(), ctx.newPointer()));
                return;
            }
        }
        if (Refs.isPureRef(newer) && !older.has("$ref")) {
            Refs.Target target = newRefs.resolve(newer.get("$ref"));
            if (target.resolved()) {
                diff(older, target.node(), ctx.at(ctx.oldPointer(), target.pointer()));
                return;
            }
        }
        if (older.isBoolean() || newer.isBoolean()) {
            booleans(older, newer, ctx);
            return;
        }
        if (!older.isObject() || !newer.isObject()) {
            if (!older.equals(newer)) {
                out.add(
                        ctx,
                        ChangeKind.SCHEMA_CHANGED,
                        Effect.BOTH,
                        ctx.newPointer(),
                        out.subject(ctx)
                                + ": a schema that is not an object or boolean changed; assumed breaking both ways",
                        Show.json(older),
                        Show.json(newer));
            }
            return;
        }
        Annotations.diff(older, newer, ctx, this, root);
        ValueKeywords.diff(older, newer, ctx, this);
        // keywords of a type only one side allows restate the type change (string → array: "maxItems added")
        Set<String> shared = ValueKeywords.types(older.get("type"));
        shared.retainAll(ValueKeywords.types(newer.get("type")));
        JsonNode was = Keywords.scopedTo(older, shared);
        JsonNode now = Keywords.scopedTo(newer, shared);
        StringKeywords.diff(was, now, ctx, this);
        Bounds.diff(was, now, ctx, this);
        int before = out.observable();
        ObjectKeywords.diff(was, now, ctx, this);
        ArrayKeywords.diff(was, now, ctx, this);
        Combinators.diff(older, newer, ctx, this);
        if (out.observable() != before) {
            Unevaluated.check(older, newer, ctx, this);
        }
    }

    private void booleans(JsonNode older, JsonNode newer, Context ctx) {
        if (older.isBoolean() && newer.isBoolean()) {
            if (older.booleanValue() != newer.booleanValue()) {
                report(older.booleanValue(), ctx, older, newer);
            }
        } else if (older.isBoolean()) {
            if (older.booleanValue()) {
                compare(EMPTY, newer, ctx, false);
            } else if (newer.isObject()) {
                report(false, ctx, older, newer);
            }
        } else if (newer.booleanValue()) {
            compare(older, EMPTY, ctx, false);
        } else if (older.isObject()) {
            report(true, ctx, older, newer);
        }
    }

    private void report(boolean closed, Context ctx, JsonNode older, JsonNode newer) {
        if (closed) {
            out.add(
                    ctx,
                    ChangeKind.SCHEMA_CLOSED,
                    Effect.TIGHTER,
                    ctx.newPointer(),
                    out.subject(ctx) + ": schema became false, so every value is now rejected",
                    Show.json(older),
                    Show.json(newer));
        } else {
            out.add(
                    ctx,
                    ChangeKind.SCHEMA_OPENED,
                    Effect.LOOSER,
                    ctx.newPointer(),
                    out.subject(ctx) + ": schema was false (every value rejected) and now allows values",
                    Show.json(older),
                    Show.json(newer));
        }
    }

    /** The value of {@code keyword}, or {@link #TRUE} when absent (for keywords whose absence accepts all). */
    static JsonNode orTrue(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value == null ? TRUE : value;
    }

    static boolean same(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }

    /**
     * True when two subschemas are equal and hold no reference: only then may a comparison skip them. Equal text
     * with a reference inside can still mean different schemas, since what the reference names may have changed.
     */
    boolean unchanged(JsonNode a, JsonNode b) {
        return same(a, b) && (a == null || !referencing(a));
    }

    /** Whether {@code schema} holds a {@code $ref} or {@code $dynamicRef} anywhere (cached: diamonds meet the same nodes). */
    private boolean referencing(JsonNode schema) {
        if (!schema.isContainer()) {
            return false;
        }
        Boolean known = referencing.get(schema);
        if (known != null) {
            return known;
        }
        boolean found = schema.isObject() && (schema.has("$ref") || schema.has("$dynamicRef"));
        for (JsonNode child : schema.values()) {
            if (found) {
                break;
            }
            found = referencing(child);
        }
        referencing.put(schema, found);
        return found;
    }
}
