package dev.tokencontract.compat.internal;

import tools.jackson.databind.JsonNode;

/** {@code items}, {@code prefixItems}, {@code contains}, {@code unevaluatedItems}. */
final class ArrayKeywords {
    private ArrayKeywords() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        prefixItems(older, newer, ctx, d);
        if (!SchemaDiff.same(older.get("items"), newer.get("items"))) {
            d.diff(SchemaDiff.orTrue(older, "items"), SchemaDiff.orTrue(newer, "items"), ctx.into("/items", ctx.claim() + "[]"));
        }
        contains(older.get("contains"), newer.get("contains"), ctx, d);
        if (!SchemaDiff.same(older.get("unevaluatedItems"), newer.get("unevaluatedItems"))) {
            d.diff(SchemaDiff.orTrue(older, "unevaluatedItems"), SchemaDiff.orTrue(newer, "unevaluatedItems"),
                    ctx.into("/unevaluatedItems", ctx.claim() + "[unevaluated]"));
        }
    }

    /** Position by position; a position only one side lists is governed by the other side's {@code items}. */
    private static void prefixItems(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("prefixItems");
        JsonNode after = newer.path("prefixItems");
        if (before.equals(after)) {
            return;
        }
        int positions = Math.max(before.isArray() ? before.size() : 0, after.isArray() ? after.size() : 0);
        for (int i = 0; i < positions; i++) {
            boolean inOld = before.isArray() && i < before.size();
            boolean inNew = after.isArray() && i < after.size();
            JsonNode was = inOld ? before.get(i) : SchemaDiff.orTrue(older, "items");
            JsonNode now = inNew ? after.get(i) : SchemaDiff.orTrue(newer, "items");
            String oldAt = ctx.oldPointer() + (inOld ? "/prefixItems/" + i : "/items");
            String newAt = ctx.newPointer() + (inNew ? "/prefixItems/" + i : "/items");
            d.diff(was, now, new Context(oldAt, newAt, ctx.claim() + "[" + i + "]", ctx.topClaim(), ctx.inverted(), ctx.conservative(),
                    ctx.depth() + 1));
        }
    }

    private static void contains(JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        if (SchemaDiff.same(before, after)) {
            return;
        }
        if (before != null && after != null) {
            d.diff(before, after, ctx.into("/contains", ctx.claim() + "[some]"));
            return;
        }
        boolean added = before == null;
        d.out().add(ctx, added ? "contains-added" : "contains-removed", added ? Effect.TIGHTER : Effect.LOOSER,
                ctx.pointer("contains", added), d.out().subject(ctx) + (added ? ": must now contain an item matching " + Show.json(after)
                        : ": no longer has to contain an item matching " + Show.json(before)), Show.json(before), Show.json(after));
    }
}
