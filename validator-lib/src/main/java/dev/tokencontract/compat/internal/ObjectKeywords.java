package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code required}, {@code dependentRequired}, {@code properties} against the content model
 * ({@code patternProperties}, {@code additionalProperties}, {@code unevaluatedProperties}),
 * {@code propertyNames} and {@code dependentSchemas}.
 */
final class ObjectKeywords {
    private ObjectKeywords() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        required(
                older.path("required"),
                newer.path("required"),
                ctx,
                d,
                "required",
                ctx.pointer("required", newer.has("required")),
                null);
        dependentRequired(older, newer, ctx, d);
        properties(older, newer, ctx, d);
        PatternProperties.diff(older, newer, ctx, d);
        openness("additionalProperties", older, newer, ctx, d);
        openness("unevaluatedProperties", older, newer, ctx, d);
        if (!d.unchanged(older.get("propertyNames"), newer.get("propertyNames"))) {
            d.diff(
                    SchemaDiff.orTrue(older, "propertyNames"),
                    SchemaDiff.orTrue(newer, "propertyNames"),
                    ctx.into("/propertyNames", label(ctx, "(property names)")));
        }
        schemaMap("dependentSchemas", older, newer, ctx, d);
    }

    private static void required(
            JsonNode before, JsonNode after, Context ctx, SchemaDiff d, String kind, String pointer, String trigger) {
        Set<String> was = strings(before);
        Set<String> now = strings(after);
        String when = trigger == null ? "" : " when '" + Show.text(trigger) + "' is present";
        for (String name : now) {
            if (!was.contains(name)) {
                Context claim = ctx.naming(name); // presence does not grant: no widening
                d.out()
                        .add(
                                claim,
                                kind + "-added",
                                Effect.TIGHTER,
                                pointer,
                                d.out().subject(claim) + " is now required" + when + "; tokens without it are rejected",
                                Show.json(before),
                                Show.json(after));
            }
        }
        for (String name : was) {
            if (!now.contains(name)) {
                Context claim = ctx.naming(name); // presence does not grant: no widening
                d.out()
                        .add(
                                claim,
                                kind + "-removed",
                                Effect.LOOSER,
                                pointer,
                                d.out().subject(claim) + " is no longer required" + when
                                        + "; consumers on the old contract reject tokens without it",
                                Show.json(before),
                                Show.json(after));
            }
        }
    }

    private static void dependentRequired(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("dependentRequired");
        JsonNode after = newer.path("dependentRequired");
        if (before.equals(after)) {
            return;
        }
        for (String trigger : union(before, after)) {
            String pointer = ctx.pointer("dependentRequired", after.has(trigger)) + "/" + Context.escape(trigger);
            required(before.path(trigger), after.path(trigger), ctx, d, "dependent-required", pointer, trigger);
        }
    }

    private static void properties(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("properties");
        JsonNode after = newer.path("properties");
        for (String name : union(before, after)) {
            String suffix = "/properties/" + Context.escape(name);
            Context claim = ctx.intoProperty(suffix, name);
            if (before.has(name) && after.has(name)) {
                d.diff(before.get(name), after.get(name), claim);
            } else if (after.has(name)) {
                ContentModel.Applied was = ContentModel.applied(older, name, ctx.oldPointer());
                SchemaDiff.Measured found =
                        d.measure(was.schema(), after.get(name), claim.at(was.pointer(), claim.newPointer()));
                String why =
                        d.out().subject(claim) + " declared; the old contract " + was.describe() + summaryOf(found);
                d.out()
                        .add(
                                claim,
                                ChangeKind.PROPERTY_ADDED,
                                found.classes().isEmpty() ? Effect.COSMETIC : found.classes(),
                                claim.newPointer(),
                                why,
                                Show.json(was.schema()),
                                Show.json(after.get(name)));
            } else {
                ContentModel.Applied now = ContentModel.applied(newer, name, ctx.newPointer());
                SchemaDiff.Measured found =
                        d.measure(before.get(name), now.schema(), claim.at(claim.oldPointer(), now.pointer()));
                String why = d.out().subject(claim) + " no longer declared; the new contract " + now.describeNow()
                        + summaryOf(found);
                d.out()
                        .add(
                                claim,
                                ChangeKind.PROPERTY_REMOVED,
                                found.classes().isEmpty() ? Effect.COSMETIC : found.classes(),
                                claim.oldPointer(),
                                why,
                                Show.json(before.get(name)),
                                Show.json(now.schema()));
            }
        }
    }

    private static String summaryOf(SchemaDiff.Measured found) {
        if (found.classes().isEmpty()) {
            return "; nothing a token can observe changes";
        }
        return "; what changes for its values:" + found.summary();
    }

    /** {@code additionalProperties}/{@code unevaluatedProperties}: closing, opening, or a changed schema. */
    private static void openness(String keyword, JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = SchemaDiff.orTrue(older, keyword);
        JsonNode after = SchemaDiff.orTrue(newer, keyword);
        if (d.unchanged(before, after)) {
            return;
        }
        String kind = Keywords.kebab(keyword);
        String subject = d.out().subject(ctx);
        String pointer = ctx.pointer(keyword, newer.has(keyword));
        if (before.isBoolean() && after.isBoolean()) {
            boolean closed = !after.booleanValue();
            d.out()
                    .add(
                            ctx,
                            kind + (closed ? "-closed" : "-opened"),
                            closed ? Effect.TIGHTER : Effect.LOOSER,
                            pointer,
                            subject
                                    + (closed
                                            ? ": " + keyword
                                                    + " now false; tokens with any undeclared member are rejected"
                                            : ": " + keyword
                                                    + " no longer false; consumers on the old contract reject tokens with undeclared members"),
                            Show.json(older.get(keyword)),
                            Show.json(newer.get(keyword)));
            return;
        }
        d.diff(before, after, ctx.into("/" + keyword, label(ctx, "(undeclared members)")));
    }

    private static void schemaMap(String keyword, JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path(keyword);
        JsonNode after = newer.path(keyword);
        if (d.unchanged(before, after)) {
            return;
        }
        for (String name : union(before, after)) {
            d.diff(
                    before.has(name) ? before.get(name) : SchemaDiff.TRUE,
                    after.has(name) ? after.get(name) : SchemaDiff.TRUE,
                    ctx.into("/" + keyword + "/" + Context.escape(name), ctx.claim()));
        }
    }

    static String label(Context ctx, String part) {
        return ctx.claim().isEmpty() ? part : ctx.claim() + "." + part;
    }

    static Set<String> union(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        if (after.isObject()) {
            names.addAll(after.propertyNames());
        }
        if (before.isObject()) {
            names.addAll(before.propertyNames());
        }
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array.isArray()) {
            array.values().forEach(v -> values.add(v.asString("")));
        }
        return values;
    }
}
