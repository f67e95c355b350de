package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code unevaluatedProperties} and {@code unevaluatedItems} see what the in-place applicators of their schema
 * ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code if}/{@code then}/{@code else}, {@code $ref},
 * {@code dependentSchemas}, and {@code contains} for items) evaluated, which depends on which branches a value
 * matched. The engine does not trace those annotations: when anything changed beneath such a schema, whatever it
 * found is joined by one {@code undecided-unevaluated} change, breaking both ways, so the verdict fails closed
 * (a property dropped from an {@code allOf} branch under {@code unevaluatedProperties: false} rejects tokens that
 * carry it, which the branch-local comparison alone would call producer-breaking).
 */
final class Unevaluated {
    private static final List<String> IN_PLACE =
            List.of("allOf", "anyOf", "oneOf", "if", "then", "else", "$ref", "$dynamicRef", "dependentSchemas", "not");

    private Unevaluated() {}

    static void check(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        String keyword = keyword(older, newer);
        if (keyword == null || !(inPlace(older, keyword) || inPlace(newer, keyword))) {
            return;
        }
        d.out()
                .add(
                        ctx,
                        ChangeKind.UNDECIDED_UNEVALUATED,
                        Effect.BOTH,
                        ctx.pointer(keyword, newer.has(keyword)),
                        d.out().subject(ctx) + ": " + keyword
                                + " depends on what allOf/anyOf/oneOf/if/$ref/dependentSchemas"
                                + (keyword.equals("unevaluatedItems") ? "/contains" : "")
                                + " evaluate, and something beneath changed; the engine"
                                + " does not trace those annotations, so it is assumed breaking both ways",
                        Show.json(older.get(keyword)),
                        Show.json(newer.get(keyword)));
    }

    private static String keyword(JsonNode older, JsonNode newer) {
        for (String keyword : List.of("unevaluatedProperties", "unevaluatedItems")) {
            if (older.has(keyword) || newer.has(keyword)) {
                return keyword;
            }
        }
        return null;
    }

    private static boolean inPlace(JsonNode schema, String keyword) {
        if (keyword.equals("unevaluatedItems") && schema.has("contains")) {
            return true;
        }
        return IN_PLACE.stream().anyMatch(schema::has);
    }
}
