package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import tools.jackson.databind.JsonNode;

/** {@code items}, {@code prefixItems}, {@code contains}, {@code unevaluatedItems}. */
final class ArrayKeywords {
    private ArrayKeywords() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        prefixItems(older, newer, ctx, d);
        if (!d.unchanged(older.get("items"), newer.get("items"))) {
            d.diff(
                    SchemaDiff.orTrue(older, "items"),
                    SchemaDiff.orTrue(newer, "items"),
                    ctx.into("/items", ctx.claim() + "[]"));
        }
        contains(older.get("contains"), newer.get("contains"), ctx, d);
        unevaluatedItems(older, newer, ctx, d);
    }

    /** Position by position; a position only one side lists is governed by the other side's {@code items}. */
    private static void prefixItems(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("prefixItems");
        JsonNode after = newer.path("prefixItems");
        if (d.unchanged(before, after)) {
            return;
        }
        int positions = Math.max(before.isArray() ? before.size() : 0, after.isArray() ? after.size() : 0);
        for (int i = 0; i < positions; i++) {
            boolean inOld = before.isArray() && i < before.size();
            boolean inNew = after.isArray() && i < after.size();
            JsonNode was = inOld ? before.get(i) : beyondPrefix(older);
            JsonNode now = inNew ? after.get(i) : beyondPrefix(newer);
            String oldAt = ctx.oldPointer() + (inOld ? "/prefixItems/" + i : "/" + beyondPrefixKeyword(older));
            String newAt = ctx.newPointer() + (inNew ? "/prefixItems/" + i : "/" + beyondPrefixKeyword(newer));
            d.diff(
                    was,
                    now,
                    new Context(
                            oldAt,
                            newAt,
                            ctx.claim() + "[" + i + "]",
                            ctx.topClaim(),
                            ctx.inverted(),
                            ctx.conservative(),
                            ctx.depth() + 1));
        }
    }

    /**
     * The schema an array schema applies to a position past its {@code prefixItems}: {@code items}, else
     * {@code unevaluatedItems} (which then sees every such position; when {@code contains} or an in-place
     * applicator could evaluate some, {@code SchemaDiff} reports any change there as undecided), else anything.
     */
    private static JsonNode beyondPrefix(JsonNode schema) {
        return schema.has("items") ? schema.get("items") : SchemaDiff.orTrue(schema, "unevaluatedItems");
    }

    private static String beyondPrefixKeyword(JsonNode schema) {
        return schema.has("items") || !schema.has("unevaluatedItems") ? "items" : "unevaluatedItems";
    }

    private static void unevaluatedItems(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = SchemaDiff.orTrue(older, "unevaluatedItems");
        JsonNode after = SchemaDiff.orTrue(newer, "unevaluatedItems");
        if (d.unchanged(before, after)) {
            return;
        }
        if (before.isBoolean() && after.isBoolean()) {
            boolean closed = !after.booleanValue();
            d.out()
                    .add(
                            ctx,
                            closed ? ChangeKind.UNEVALUATED_ITEMS_CLOSED : ChangeKind.UNEVALUATED_ITEMS_OPENED,
                            closed ? Effect.TIGHTER : Effect.LOOSER,
                            ctx.pointer("unevaluatedItems", newer.has("unevaluatedItems")),
                            d.out().subject(ctx)
                                    + (closed
                                            ? ": unevaluatedItems now false; arrays with items no other keyword evaluates are rejected"
                                            : ": unevaluatedItems no longer false; consumers on the old contract reject arrays with unevaluated items"),
                            Show.json(older.get("unevaluatedItems")),
                            Show.json(newer.get("unevaluatedItems")));
            return;
        }
        d.diff(before, after, ctx.into("/unevaluatedItems", ctx.claim() + "[unevaluated]"));
    }

    private static void contains(JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        if (d.unchanged(before, after)) {
            return;
        }
        if (before != null && after != null) {
            d.diff(before, after, ctx.into("/contains", ctx.claim() + "[some]"));
            return;
        }
        boolean added = before == null;
        d.out()
                .add(
                        ctx,
                        added ? ChangeKind.CONTAINS_ADDED : ChangeKind.CONTAINS_REMOVED,
                        added ? Effect.TIGHTER : Effect.LOOSER,
                        ctx.pointer("contains", added),
                        d.out().subject(ctx)
                                + (added
                                        ? ": must now contain an item matching " + Show.json(after)
                                        : ": no longer has to contain an item matching " + Show.json(before)),
                        Show.json(before),
                        Show.json(after));
    }
}
