package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * A conjunction: branches equal in effect are matched wherever they stand (reordering is no change); the rest
     * are compared by position, and an added subschema constrains like any new keyword would.
     */
    private static void allOf(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("allOf");
        JsonNode after = newer.path("allOf");
        if (d.unchanged(before, after)) {
            return;
        }
        Matching matching = Matching.of("allOf", before, after, ctx, d);
        int size = Math.max(matching.oldLeft().size(), matching.newLeft().size());
        for (int k = 0; k < size; k++) {
            Integer i = k < matching.oldLeft().size() ? matching.oldLeft().get(k) : null;
            Integer j = k < matching.newLeft().size() ? matching.newLeft().get(k) : null;
            JsonNode was = i != null ? before.get(i) : SchemaDiff.TRUE;
            JsonNode now = j != null ? after.get(j) : SchemaDiff.TRUE;
            String oldAt = ctx.oldPointer() + "/allOf/" + (i != null ? i : k);
            String newAt = ctx.newPointer() + "/allOf/" + (j != null ? j : k);
            d.diff(was, now, ctx.at(oldAt, newAt));
        }
    }

    /**
     * A disjunction, decided by containment: an old branch is kept when some new branch contains it, a new branch
     * adds nothing when some old branch contains it; branches equal in effect are matched wherever they stand. What
     * is left is compared by position, reporting only the directions containment did not settle; a branch left
     * over is {@code -branch-added} (accepts more) or {@code -branch-removed} (accepts less). Under {@code oneOf}
     * ({@code exclusive}) a value matching two branches is rejected, so a branch that accepts more can also reject:
     * every breaking change there counts both ways, and only equal branches are matched.
     */
    private static void branches(
            String keyword, JsonNode older, JsonNode newer, Context whole, SchemaDiff d, boolean exclusive) {
        Context ctx = exclusive ? whole.conservatively() : whole;
        JsonNode before = older.get(keyword);
        JsonNode after = newer.get(keyword);
        if (d.unchanged(before, after)) {
            return;
        }
        String kind = Keywords.kebab(keyword);
        String subject = d.out().subject(ctx) + ": " + keyword;
        if (before == null || after == null || !before.isArray() || !after.isArray()) {
            addedOrRemoved(keyword, kind, older, newer, whole, ctx, d, exclusive);
            return;
        }
        Matching matching = Matching.of(keyword, before, after, ctx, d);
        boolean contain = !exclusive && Matching.containable(before, after);
        int common = Math.min(matching.oldLeft().size(), matching.newLeft().size());
        for (int k = 0; k < common; k++) {
            int i = matching.oldLeft().get(k);
            int j = matching.newLeft().get(k);
            Context pair =
                    ctx.at(ctx.oldPointer() + "/" + keyword + "/" + i, ctx.newPointer() + "/" + keyword + "/" + j);
            if (exclusive) {
                d.diff(before.get(i), after.get(j), pair);
                continue;
            }
            boolean kept = contain
                    && Matching.someContains(
                            d, after, ctx.newPointer() + "/" + keyword, before.get(i), pair.oldPointer(), ctx);
            boolean nothingNew = contain
                    && Matching.containedBySome(
                            d, before, ctx.oldPointer() + "/" + keyword, after.get(j), pair.newPointer(), ctx);
            filtered(before.get(i), after.get(j), pair, d, kept, nothingNew);
        }
        for (int k = common; k < matching.newLeft().size(); k++) {
            int j = matching.newLeft().get(k);
            if (contain
                    && Matching.containedBySome(
                            d,
                            before,
                            ctx.oldPointer() + "/" + keyword,
                            after.get(j),
                            ctx.newPointer() + "/" + keyword + "/" + j,
                            ctx)) {
                continue;
            }
            d.out()
                    .add(
                            ctx,
                            kind + "-branch-added",
                            Effect.LOOSER,
                            ctx.pointer(keyword, true) + "/" + j,
                            subject + " gained branch " + j + " " + Show.json(after.get(j))
                                    + "; values matching only it were rejected before",
                            null,
                            Show.json(after.get(j)));
        }
        for (int k = common; k < matching.oldLeft().size(); k++) {
            int i = matching.oldLeft().get(k);
            if (contain
                    && Matching.someContains(
                            d,
                            after,
                            ctx.newPointer() + "/" + keyword,
                            before.get(i),
                            ctx.oldPointer() + "/" + keyword + "/" + i,
                            ctx)) {
                continue;
            }
            d.out()
                    .add(
                            ctx,
                            kind + "-branch-removed",
                            Effect.TIGHTER,
                            ctx.pointer(keyword, false) + "/" + i,
                            subject + " lost branch " + i + " " + Show.json(before.get(i))
                                    + "; values matching only it are now rejected",
                            Show.json(before.get(i)),
                            null);
        }
    }

    /**
     * A whole {@code anyOf}/{@code oneOf} added or removed. Added {@code anyOf} rejects nothing the old contract
     * accepted when the old schema is contained in it ({@code type: string} becoming {@code anyOf: [string, number]},
     * an {@code allOf} or {@code oneOf} of the same branches becoming {@code anyOf}); that is reported as cosmetic.
     * Otherwise added accepts less, removed accepts more.
     */
    private static void addedOrRemoved(
            String keyword,
            String kind,
            JsonNode older,
            JsonNode newer,
            Context whole,
            Context ctx,
            SchemaDiff d,
            boolean exclusive) {
        JsonNode before = older.get(keyword);
        JsonNode after = newer.get(keyword);
        String subject = d.out().subject(ctx) + ": " + keyword;
        boolean added = before == null;
        if (added && !exclusive && after != null && after.isArray()) {
            ObjectNode only = JsonNodeFactory.instance.objectNode();
            only.set(keyword, after);
            if (Subsumption.oldWithinNew(d, older, ctx.oldPointer(), only, ctx.newPointer() + "/~" + keyword, ctx)) {
                d.out()
                        .add(
                                whole,
                                kind + "-added",
                                Effect.COSMETIC,
                                ctx.pointer(keyword, true),
                                subject
                                        + " added; every value the old contract accepted here matches one of its branches, so it rejects none of them",
                                Show.json(before),
                                Show.json(after));
                return;
            }
        }
        d.out()
                .add(
                        whole,
                        kind + (added ? "-added" : "-removed"),
                        added ? Effect.TIGHTER : Effect.LOOSER,
                        ctx.pointer(keyword, added),
                        subject
                                + (added
                                        ? " added: values must now match one of its branches"
                                        : " removed: values no longer have to match one of its branches"),
                        Show.json(before),
                        Show.json(after));
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
        d.out()
                .add(
                        ctx,
                        added ? ChangeKind.NOT_ADDED : ChangeKind.NOT_REMOVED,
                        added ? Effect.TIGHTER : Effect.LOOSER,
                        ctx.pointer("not", added),
                        d.out().subject(ctx)
                                + (added
                                        ? ": must now not match " + Show.json(after)
                                        : ": the exclusion " + Show.json(before) + " was removed"),
                        Show.json(before),
                        Show.json(after));
    }

    /**
     * {@code if}/{@code then}/{@code else}. A change in {@code if} moves values between the branches, so it can accept
     * and reject: breaking both ways. {@code then} and {@code else} apply as they are to the values {@code if} sends
     * them (an unchanged {@code if} sends the same values), so a change inside them has its own direction, and one
     * added accepts less, removed accepts more.
     */
    private static void conditional(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        for (String keyword : List.of("if", "then", "else")) {
            JsonNode before = older.get(keyword);
            JsonNode after = newer.get(keyword);
            if (d.unchanged(before, after)) {
                continue;
            }
            boolean condition = keyword.equals("if");
            if (before != null && after != null) {
                Context inside = ctx.into("/" + keyword, ctx.claim());
                if (condition) {
                    d.diff(before, after, inside.conservatively());
                } else {
                    branch(older, newer, before, after, inside, d);
                }
            } else {
                d.out()
                        .add(
                                ctx,
                                ChangeKind.CONDITIONAL_CHANGED,
                                condition ? Effect.BOTH : before == null ? Effect.TIGHTER : Effect.LOOSER,
                                ctx.pointer(keyword, after != null),
                                d.out().subject(ctx) + ": '" + keyword + "' " + Annotations.verb(before, after)
                                        + (condition
                                                ? "; a condition can both accept and reject, so breaking both ways"
                                                : before == null
                                                        ? "; values it applies to must now match it"
                                                        : "; values it applied to no longer have to match it"),
                                Show.json(before),
                                Show.json(after));
            }
        }
    }

    /**
     * A {@code then}/{@code else} changed in place: each direction is dropped when containment settles it, judging the
     * branch together with the rest of its schema (a branch that restates {@code type: string} beside
     * {@code properties} that already say so rejects nothing new).
     */
    private static void branch(
            JsonNode older, JsonNode newer, JsonNode before, JsonNode after, Context pair, SchemaDiff d) {
        JsonNode oldWhole = Subsumption.conjoin(rest(older), before);
        JsonNode newWhole = Subsumption.conjoin(rest(newer), after);
        boolean kept =
                Subsumption.oldWithinNew(d, oldWhole, pair.oldPointer() + "/~whole", after, pair.newPointer(), pair);
        boolean nothingNew =
                Subsumption.newWithinOld(d, before, pair.oldPointer(), newWhole, pair.newPointer() + "/~whole", pair);
        filtered(before, after, pair, d, kept, nothingNew);
    }

    /** {@code schema} without {@code if}/{@code then}/{@code else}. */
    private static ObjectNode rest(JsonNode schema) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove(List.of("if", "then", "else"));
        return copy;
    }

    /** Reports the comparison of {@code before} with {@code after}, less the directions containment settled. */
    static void filtered(
            JsonNode before,
            JsonNode after,
            Context pair,
            SchemaDiff d,
            boolean noConsumerBreak,
            boolean noProducerBreak) {
        if (!noConsumerBreak && !noProducerBreak) {
            d.diff(before, after, pair);
            return;
        }
        if (noConsumerBreak && noProducerBreak) {
            return;
        }
        for (var change : d.measure(before, after, pair).changes()) {
            var raw = java.util.EnumSet.noneOf(dev.tokencontract.compat.ChangeClass.class);
            raw.addAll(Effect.breaking(change.classes()));
            if (noConsumerBreak) {
                raw.remove(dev.tokencontract.compat.ChangeClass.BREAKING_FOR_CONSUMERS);
            }
            if (noProducerBreak) {
                raw.remove(dev.tokencontract.compat.ChangeClass.BREAKING_FOR_PRODUCERS);
            }
            if (!raw.isEmpty()) {
                d.out()
                        .add(
                                pair,
                                change.kind(),
                                raw,
                                change.pointer(),
                                change.explanation(),
                                change.before(),
                                change.after());
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
        String reason =
                was != null && !was.resolved() ? was.reason() : now != null && !now.resolved() ? now.reason() : null;
        if (reason != null) {
            d.out()
                    .add(
                            ctx,
                            dynamic ? ChangeKind.UNDECIDED_DYNAMIC_REF : ChangeKind.UNDECIDED_REF,
                            Effect.BOTH,
                            ctx.pointer(keyword, after != null),
                            d.out().subject(ctx) + ": " + keyword + " " + Show.json(before) + " → " + Show.json(after)
                                    + " cannot be decided (" + reason + "), so it is assumed breaking both ways",
                            Show.json(before),
                            Show.json(after));
            return;
        }
        JsonNode oldSchema = was == null ? SchemaDiff.TRUE : was.node();
        JsonNode newSchema = now == null ? SchemaDiff.TRUE : now.node();
        String oldAt = was == null ? ctx.oldPointer() + "/" + keyword : was.pointer();
        String newAt = now == null ? ctx.newPointer() + "/" + keyword : now.pointer();
        d.diff(oldSchema, newSchema, ctx.at(oldAt, newAt));
    }
}
