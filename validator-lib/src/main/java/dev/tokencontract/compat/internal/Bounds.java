package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Numeric bounds, {@code multipleOf}, length and count bounds, and {@code uniqueItems}. */
final class Bounds {
    private static final List<String> MINIMA = List.of("minLength", "minItems", "minProperties", "minContains");
    private static final List<String> MAXIMA = List.of("maxLength", "maxItems", "maxProperties", "maxContains");

    private Bounds() {}

    /** A bound on a number: its value and whether the value itself is excluded. */
    private record Bound(BigDecimal value, boolean exclusive, String keyword) {
        String show(boolean lower) {
            return (lower ? (exclusive ? "> " : ">= ") : (exclusive ? "< " : "<= ")) + value.toPlainString();
        }
    }

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        numeric(lower(older), lower(newer), true, ctx, d);
        numeric(upper(older), upper(newer), false, ctx, d);
        multipleOf(older.get("multipleOf"), newer.get("multipleOf"), ctx, d);
        for (String keyword : MINIMA) {
            count(keyword, older, newer, true, ctx, d);
        }
        for (String keyword : MAXIMA) {
            count(keyword, older, newer, false, ctx, d);
        }
        boolean wasUnique = older.path("uniqueItems").asBoolean(false);
        boolean isUnique = newer.path("uniqueItems").asBoolean(false);
        if (wasUnique != isUnique) {
            d.out()
                    .add(
                            ctx,
                            isUnique ? ChangeKind.UNIQUE_ITEMS_ADDED : ChangeKind.UNIQUE_ITEMS_REMOVED,
                            isUnique ? Effect.TIGHTER : Effect.LOOSER,
                            ctx.pointer("uniqueItems", newer.has("uniqueItems")),
                            d.out().subject(ctx)
                                    + (isUnique
                                            ? ": items must now be unique; arrays with duplicates are rejected"
                                            : ": items no longer have to be unique; consumers on the old contract reject duplicates"),
                            Show.json(older.get("uniqueItems")),
                            Show.json(newer.get("uniqueItems")));
        }
    }

    private static Bound lower(JsonNode schema) {
        return tighter(bound(schema, "minimum", false), bound(schema, "exclusiveMinimum", true), true);
    }

    private static Bound upper(JsonNode schema) {
        return tighter(bound(schema, "maximum", false), bound(schema, "exclusiveMaximum", true), false);
    }

    private static Bound bound(JsonNode schema, String keyword, boolean exclusive) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isNumber() ? new Bound(value.decimalValue(), exclusive, keyword) : null;
    }

    /** The stricter of two bounds (either may be null). */
    private static Bound tighter(Bound a, Bound b, boolean lower) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return compare(a, b, lower) >= 0 ? a : b;
    }

    /** Positive when {@code a} is stricter than {@code b}. */
    private static int compare(Bound a, Bound b, boolean lower) {
        int byValue = a.value().compareTo(b.value());
        if (byValue != 0) {
            return lower ? byValue : -byValue;
        }
        return Boolean.compare(a.exclusive(), b.exclusive());
    }

    private static void numeric(Bound before, Bound after, boolean lower, Context ctx, SchemaDiff d) {
        if (before == null && after == null || before != null && after != null && compare(after, before, lower) == 0) {
            return;
        }
        String name = lower ? "minimum" : "maximum";
        String subject = d.out().subject(ctx) + ": " + (lower ? "lower" : "upper") + " bound ";
        String was = before == null ? null : before.show(lower);
        String now = after == null ? null : after.show(lower);
        String pointer = after != null ? ctx.pointer(after.keyword(), true) : ctx.pointer(before.keyword(), false);
        if (before == null) {
            d.out().add(ctx, name + "-added", Effect.TIGHTER, pointer, subject + now + " added", null, now);
        } else if (after == null) {
            d.out().add(ctx, name + "-removed", Effect.LOOSER, pointer, subject + was + " removed", was, null);
        } else {
            boolean stricter = compare(after, before, lower) > 0;
            String kind = name + (stricter == lower ? "-raised" : "-lowered");
            d.out()
                    .add(
                            ctx,
                            kind,
                            stricter ? Effect.TIGHTER : Effect.LOOSER,
                            pointer,
                            subject + was + " → " + now
                                    + (stricter
                                            ? "; values beyond the new bound are now rejected"
                                            : "; consumers on the old contract reject values beyond the old bound"),
                            was,
                            now);
        }
    }

    private static void multipleOf(JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        if (SchemaDiff.same(before, after)
                || before != null
                        && after != null
                        && before.isNumber()
                        && after.isNumber()
                        && before.decimalValue().compareTo(after.decimalValue()) == 0) {
            return;
        }
        String subject = d.out().subject(ctx) + ": multipleOf ";
        String pointer = ctx.pointer("multipleOf", after != null);
        if (before == null || after == null) {
            boolean added = before == null;
            d.out()
                    .add(
                            ctx,
                            added ? ChangeKind.MULTIPLE_OF_ADDED : ChangeKind.MULTIPLE_OF_REMOVED,
                            added ? Effect.TIGHTER : Effect.LOOSER,
                            pointer,
                            subject + Show.json(added ? after : before) + (added ? " added" : " removed"),
                            Show.json(before),
                            Show.json(after));
            return;
        }
        boolean tighter = divides(before, after);
        boolean looser = divides(after, before);
        d.out()
                .add(
                        ctx,
                        ChangeKind.MULTIPLE_OF_CHANGED,
                        tighter ? Effect.TIGHTER : looser ? Effect.LOOSER : Effect.BOTH,
                        pointer,
                        subject + Show.json(before) + " → " + Show.json(after)
                                + (tighter || looser ? "" : "; neither divides the other"),
                        Show.json(before),
                        Show.json(after));
    }

    /** True when {@code whole} is an integer multiple of {@code part}. */
    private static boolean divides(JsonNode part, JsonNode whole) {
        if (!part.isNumber() || !whole.isNumber() || part.decimalValue().signum() == 0) {
            return false;
        }
        return whole.decimalValue().remainder(part.decimalValue()).signum() == 0;
    }

    private static void count(
            String keyword, JsonNode older, JsonNode newer, boolean minimum, Context ctx, SchemaDiff d) {
        JsonNode before = older.get(keyword);
        JsonNode after = newer.get(keyword);
        if (SchemaDiff.same(before, after)) {
            return;
        }
        BigDecimal absent = minimum ? (keyword.equals("minContains") ? BigDecimal.ONE : BigDecimal.ZERO) : null;
        BigDecimal was = before != null && before.isNumber() ? before.decimalValue() : absent;
        BigDecimal now = after != null && after.isNumber() ? after.decimalValue() : absent;
        String kebab = Keywords.kebab(keyword);
        String pointer = ctx.pointer(keyword, after != null);
        String subject = d.out().subject(ctx) + ": " + keyword + " ";
        String shownBefore = Show.json(before);
        String shownAfter = Show.json(after);
        if (!minimum && (was == null || now == null)) {
            if (was == now) {
                return;
            }
            boolean added = was == null;
            d.out()
                    .add(
                            ctx,
                            kebab + (added ? "-added" : "-removed"),
                            added ? Effect.TIGHTER : Effect.LOOSER,
                            pointer,
                            subject + (added ? shownAfter + " added" : shownBefore + " removed"),
                            shownBefore,
                            shownAfter);
            return;
        }
        int order = now.compareTo(was);
        if (order == 0) {
            return;
        }
        boolean raised = order > 0;
        boolean stricter = raised == minimum;
        d.out()
                .add(
                        ctx,
                        kebab + (raised ? "-raised" : "-lowered"),
                        stricter ? Effect.TIGHTER : Effect.LOOSER,
                        pointer,
                        subject + was.toPlainString() + " → " + now.toPlainString()
                                + (stricter
                                        ? "; values beyond the new bound are now rejected"
                                        : "; consumers on the old contract reject values beyond the old bound"),
                        shownBefore,
                        shownAfter);
    }
}
