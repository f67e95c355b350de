package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else} and
 * {@code $ref} beside other keywords. Subschemas are matched by position; reordering a list shows as
 * changes at each position, which errs on the side of reporting.
 */
final class Combinators {
    private Combinators() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        allOf(older, newer, ctx, d);
        branches("anyOf", older, newer, ctx, d, false);
        branches("oneOf", older, newer, ctx, d, true);
        not(older.get("not"), newer.get("not"), ctx, d);
        conditional(older, newer, ctx, d);
        ref("$ref", older, newer, ctx, d);
        ref("$dynamicRef", older, newer, ctx, d);
    }

    /** A conjunction: an added subschema constrains like any new keyword would. */
    private static void allOf(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("allOf");
        JsonNode after = newer.path("allOf");
        if (d.unchanged(before, after)) {
            return;
        }
        int size = Math.max(before.size(), after.size());
        for (int i = 0; i < size; i++) {
            JsonNode was = i < before.size() ? before.get(i) : SchemaDiff.TRUE;
            JsonNode now = i < after.size() ? after.get(i) : SchemaDiff.TRUE;
            d.diff(was, now, ctx.into("/allOf/" + i, ctx.claim()));
        }
    }

    /**
     * A disjunction: a branch added accepts more, a branch removed accepts less; common branches compared in
     * place. Under {@code oneOf} ({@code exclusive}) a value matching two branches is rejected, so a branch
     * that accepts more can also reject: every breaking change there counts both ways.
     */
    private static void branches(String keyword, JsonNode older, JsonNode newer, Context whole, SchemaDiff d, boolean exclusive) {
        Context ctx = exclusive ? whole.conservatively() : whole;
        JsonNode before = older.get(keyword);
        JsonNode after = newer.get(keyword);
        if (d.unchanged(before, after)) {
            return;
        }
        String kind = Keywords.kebab(keyword);
        String subject = d.out().subject(ctx) + ": " + keyword;
        if (before == null || after == null) {
            boolean added = before == null;
            d.out().add(whole, kind + (added ? "-added" : "-removed"), added ? Effect.TIGHTER : Effect.LOOSER, ctx.pointer(keyword, added),
                    subject + (added ? " added: values must now match one of its branches" : " removed: values no longer have to match one of its branches"),
                    Show.json(before), Show.json(after));
            return;
        }
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            d.diff(before.get(i), after.get(i), ctx.into("/" + keyword + "/" + i, ctx.claim()));
        }
        for (int i = common; i < after.size(); i++) {
            d.out().add(ctx, kind + "-branch-added", Effect.LOOSER, ctx.pointer(keyword, true) + "/" + i,
                    subject + " gained branch " + i + " " + Show.json(after.get(i)) + "; values matching only it were rejected before",
                    null, Show.json(after.get(i)));
        }
        for (int i = common; i < before.size(); i++) {
            d.out().add(ctx, kind + "-branch-removed", Effect.TIGHTER, ctx.pointer(keyword, false) + "/" + i,
                    subject + " lost branch " + i + " " + Show.json(before.get(i)) + "; values matching only it are now rejected",
                    Show.json(before.get(i)), null);
        }
    }

    private static void not(JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        if (d.unchanged(before, after)) {
            return;
        }
        if (before != null && after != null) {
            d.diff(before, after, ctx.into("/not", ctx.claim()).invert());
            return;
        }
        boolean added = before == null;
        d.out().add(ctx, added ? ChangeKind.NOT_ADDED : ChangeKind.NOT_REMOVED, added ? Effect.TIGHTER : Effect.LOOSER, ctx.pointer("not", added),
                d.out().subject(ctx) + (added ? ": must now not match " + Show.json(after) : ": the exclusion " + Show.json(before) + " was removed"),
                Show.json(before), Show.json(after));
    }

    /** {@code if}/{@code then}/{@code else}: any change can accept or reject, so every breaking change counts both ways. */
    private static void conditional(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        for (String keyword : List.of("if", "then", "else")) {
            JsonNode before = older.get(keyword);
            JsonNode after = newer.get(keyword);
            if (d.unchanged(before, after)) {
                continue;
            }
            if (before != null && after != null) {
                d.diff(before, after, ctx.into("/" + keyword, ctx.claim()).conservatively());
            } else {
                d.out().add(ctx, ChangeKind.CONDITIONAL_CHANGED, Effect.BOTH, ctx.pointer(keyword, after != null),
                        d.out().subject(ctx) + ": '" + keyword + "' " + Annotations.verb(before, after)
                                + "; a condition can both accept and reject, so breaking both ways", Show.json(before), Show.json(after));
            }
        }
    }

    /**
     * {@code $ref} (and {@code $dynamicRef}) beside other keywords applies like one more {@code allOf} entry: compare
     * what each side names, never the reference text. A reference that cannot be resolved with certainty is
     * reported breaking both ways ({@code undecided-ref}), even when its text did not change.
     */
    private static void ref(String keyword, JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.get(keyword);
        JsonNode after = newer.get(keyword);
        if (before == null && after == null) {
            return;
        }
        boolean dynamic = keyword.equals("$dynamicRef");
        Refs.Target was = before == null ? null : d.resolveOld(before, dynamic);
        Refs.Target now = after == null ? null : d.resolveNew(after, dynamic);
        String reason = was != null && !was.resolved() ? was.reason() : now != null && !now.resolved() ? now.reason() : null;
        if (reason != null) {
            d.out().add(ctx, dynamic ? ChangeKind.UNDECIDED_DYNAMIC_REF : ChangeKind.UNDECIDED_REF, Effect.BOTH, ctx.pointer(keyword, after != null),
                    d.out().subject(ctx) + ": " + keyword + " " + Show.json(before) + " → " + Show.json(after) + " cannot be decided ("
                            + reason + "), so it is assumed breaking both ways", Show.json(before), Show.json(after));
            return;
        }
        JsonNode oldSchema = was == null ? SchemaDiff.TRUE : was.node();
        JsonNode newSchema = now == null ? SchemaDiff.TRUE : now.node();
        String oldAt = was == null ? ctx.oldPointer() + "/" + keyword : was.pointer();
        String newAt = now == null ? ctx.newPointer() + "/" + keyword : now.pointer();
        d.diff(oldSchema, newSchema, ctx.at(oldAt, newAt));
    }
}
