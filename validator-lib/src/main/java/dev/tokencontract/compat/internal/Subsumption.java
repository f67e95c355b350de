package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeClass;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Containment of one schema in another ("every value {@code sub} accepts, {@code sup} accepts"), decided the way
 * the JSON-subschema literature does where it is cheap: {@code allOf} branches merged into their schema when that
 * cannot change the meaning, a disjunction in {@code sub} contained when each of its branches is, a disjunction in
 * {@code sup} containing when one branch does, and otherwise the keyword comparison finding nothing that rejects
 * an old value. Answers "true" only when sure; "false" means "not shown" and the caller reports.
 */
final class Subsumption {
    /** Keywords that read their siblings: merging an {@code allOf} branch next to one of the same group changes meaning. */
    private static final List<Set<String>> INTERACTING = List.of(
            Set.of("properties", "patternProperties", "additionalProperties"),
            Set.of("prefixItems", "items"),
            Set.of("if", "then", "else"),
            Set.of("contains", "minContains", "maxContains"));

    private static final int MAX_NESTING = 3;
    /** Marks synthetic (merged) schemas' pointers, so cycle guards and caches never mistake them for the documents' own. */
    private static final String MERGED = "/~merged";

    private Subsumption() {}

    /** True when every value {@code older} (from the old document) accepts is accepted by {@code newer} (from the new one). */
    static boolean oldWithinNew(SchemaDiff d, JsonNode older, String oldAt, JsonNode newer, String newAt, Context ctx) {
        return contained(d, older, oldAt, newer, newAt, true, ctx, 0);
    }

    /** True when every value {@code newer} (from the new document) accepts is accepted by {@code older} (from the old one). */
    static boolean newWithinOld(SchemaDiff d, JsonNode older, String oldAt, JsonNode newer, String newAt, Context ctx) {
        return contained(d, newer, newAt, older, oldAt, false, ctx, 0);
    }

    /** @param subIsOld whether {@code sub} comes from the old document (references resolve in the document they come from) */
    private static boolean contained(
            SchemaDiff d,
            JsonNode sub,
            String subAt,
            JsonNode sup,
            String supAt,
            boolean subIsOld,
            Context ctx,
            int nesting) {
        if (nesting > MAX_NESTING || d.out().exhausted()) {
            return false; // not shown: the caller reports
        }
        JsonNode flatSub = merged(sub);
        JsonNode flatSup = merged(sup);
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode branches = flatSub.path(keyword);
            if (branches.isArray() && !branches.isEmpty()) {
                ObjectNode rest = ((ObjectNode) flatSub).deepCopy();
                rest.remove(keyword);
                for (int k = 0; k < branches.size(); k++) {
                    JsonNode branch = conjoin(rest, merged(branches.get(k)));
                    if (!contained(
                            d,
                            branch,
                            subAt + MERGED + "-" + keyword + "-" + k,
                            sup,
                            supAt,
                            subIsOld,
                            ctx,
                            nesting + 1)) {
                        return false;
                    }
                }
                return true;
            }
        }
        String flatSubAt = flatSub == sub ? subAt : subAt + MERGED;
        JsonNode options = flatSup.path("anyOf");
        if (options.isArray() && !options.isEmpty()) {
            ObjectNode rest = ((ObjectNode) flatSup).deepCopy();
            rest.remove("anyOf");
            if (!contained(d, flatSub, flatSubAt, rest, supAt + "/~rest", subIsOld, ctx, nesting + 1)) {
                return false;
            }
            String optionsAt = (flatSup == sup ? supAt : supAt + MERGED) + "/anyOf/";
            for (int i = 0; i < options.size(); i++) {
                if (contained(d, flatSub, flatSubAt, options.get(i), optionsAt + i, subIsOld, ctx, nesting + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (flatSup.has("oneOf")) {
            return false; // exclusivity is not decided here
        }
        String oldAt = flatSubAt; // the sub side's pointer, whichever document it comes from
        String newAt = flatSup == sup ? supAt : supAt + MERGED;
        if (subIsOld) {
            return !d.measure(flatSub, flatSup, ctx.at(oldAt, newAt))
                    .classes()
                    .contains(ChangeClass.BREAKING_FOR_CONSUMERS);
        }
        return !d.measure(flatSup, flatSub, ctx.at(newAt, oldAt))
                .classes()
                .contains(ChangeClass.BREAKING_FOR_PRODUCERS);
    }

    /**
     * {@code schema} with its {@code allOf} object branches merged in, when no keyword appears twice and no branch
     * brings a keyword that reads a sibling the schema has (or {@code unevaluated*}, which reads them all); the schema
     * itself otherwise.
     */
    static JsonNode merged(JsonNode schema) {
        if (!schema.isObject()
                || !schema.path("allOf").isArray()
                || schema.has("unevaluatedProperties")
                || schema.has("unevaluatedItems")) {
            return schema;
        }
        ObjectNode out = ((ObjectNode) schema).deepCopy();
        out.remove("allOf");
        for (JsonNode branch : schema.get("allOf")) {
            JsonNode flat = merged(branch);
            if (!flat.isObject()
                    || flat.has("allOf")
                    || flat.has("unevaluatedProperties")
                    || flat.has("unevaluatedItems")) {
                return schema;
            }
            for (String keyword : flat.propertyNames()) {
                if (Keywords.ANNOTATIONS.contains(keyword)) {
                    continue;
                }
                if (out.has(keyword) || interacts(out, keyword)) {
                    return schema;
                }
                out.set(keyword, flat.get(keyword));
            }
        }
        return out;
    }

    private static boolean interacts(ObjectNode schema, String keyword) {
        for (Set<String> group : INTERACTING) {
            if (group.contains(keyword) && group.stream().anyMatch(schema::has)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a} and {@code b} as one schema: merged when they share no keyword, else {@code a} with {@code allOf: [b]}. */
    static JsonNode conjoin(ObjectNode a, JsonNode b) {
        ObjectNode both = a.deepCopy();
        if (b.isBoolean()) {
            return b.booleanValue() ? both : b;
        }
        both.withArray("allOf").add(b);
        return merged(both);
    }
}
