package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import tools.jackson.databind.JsonNode;

/** {@code patternProperties}: entries matched by their regular expression text. */
final class PatternProperties {
    private PatternProperties() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        JsonNode before = older.path("patternProperties");
        JsonNode after = newer.path("patternProperties");
        if (d.unchanged(before, after)) {
            return;
        }
        for (String regex : ObjectKeywords.union(before, after)) {
            String suffix = "/patternProperties/" + Context.escape(regex);
            Context members = new Context(
                    ctx.oldPointer() + suffix,
                    ctx.newPointer() + suffix,
                    ObjectKeywords.label(ctx, "(members matching " + regex + ")"),
                    "",
                    ctx.inverted(),
                    ctx.conservative(),
                    ctx.depth() + 1);
            if (before.has(regex) && after.has(regex)) {
                d.diff(before.get(regex), after.get(regex), members);
                continue;
            }
            // Members matching a new (or removed) pattern were governed by the rest of the content model.
            boolean added = after.has(regex);
            JsonNode rest = SchemaDiff.orTrue(added ? older : newer, "additionalProperties");
            SchemaDiff.Measured found =
                    added ? d.measure(rest, after.get(regex), members) : d.measure(before.get(regex), rest, members);
            String why = d.out().subject(ctx) + ": patternProperties " + Show.text(regex)
                    + (added ? " added" : " removed")
                    + "; members it matches were governed by additionalProperties " + Show.json(rest) + " on the "
                    + (added ? "old" : "new") + " side"
                    + (found.classes().isEmpty() ? "; nothing a token can observe changes" : found.summary());
            d.out()
                    .add(
                            ctx,
                            added ? ChangeKind.PATTERN_PROPERTY_ADDED : ChangeKind.PATTERN_PROPERTY_REMOVED,
                            found.classes().isEmpty() ? Effect.COSMETIC : found.classes(),
                            ctx.pointer("patternProperties", added) + "/" + Context.escape(regex),
                            why,
                            Show.json(before.get(regex)),
                            Show.json(after.get(regex)));
        }
    }
}
