package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Arrays: length within {@code minItems}/{@code maxItems} (and what {@code items: false} or
 * {@code unevaluatedItems: false} allow), each position from its {@code prefixItems} or {@code items} schemas,
 * {@code contains} placed {@code minContains..maxContains} times, distinct elements under {@code uniqueItems}.
 */
final class ArrayGen {
    private static final int UNIQUE_ATTEMPTS = 8;
    /** Larger minimums are refused up front rather than built element by element. */
    static final int MAX_BUILT = 10_000;

    private final Context context;

    ArrayGen(Context context) {
        this.context = context;
    }

    JsonNode generate(Conjunction c, Choices in, int depth) {
        int minItems = 0;
        long maxItems = Long.MAX_VALUE;
        for (JsonNode bound : c.all("minItems")) {
            minItems = Math.max(minItems, StringGen.intValue(bound));
        }
        for (JsonNode bound : c.all("maxItems")) {
            maxItems = Math.min(maxItems, StringGen.intValue(bound));
        }
        boolean unique = uniqueItems(c);
        for (JsonNode schema : c.schemas) {
            int prefix = schema.path("prefixItems").size();
            JsonNode items = schema.get("items");
            if (items != null && items.isBoolean() && !items.booleanValue()) {
                maxItems = Math.min(maxItems, prefix);
            }
            JsonNode unevaluated = schema.get("unevaluatedItems");
            if (unevaluated != null
                    && unevaluated.isBoolean()
                    && !unevaluated.booleanValue()
                    && items == null
                    && !schema.has("contains")) {
                maxItems = Math.min(maxItems, longestPrefix(c));
            }
        }
        JsonNode contains = null;
        JsonNode containsOwner = null;
        int minContains = 0;
        long maxContains = Long.MAX_VALUE;
        for (JsonNode schema : c.schemas) {
            if (schema.has("contains")) {
                contains = schema.get("contains");
                containsOwner = schema;
                minContains = schema.has("minContains") ? StringGen.intValue(schema.get("minContains")) : 1;
                maxContains =
                        schema.has("maxContains") ? StringGen.intValue(schema.get("maxContains")) : Long.MAX_VALUE;
                break;
            }
        }
        if (minContains > maxContains) {
            throw new Rejected("minContains " + minContains + " > maxContains " + maxContains);
        }
        int low = Math.max(minItems, minContains);
        if (low > MAX_BUILT) {
            throw new Rejected(
                    "minItems/minContains " + low + " is beyond what the generator builds (" + MAX_BUILT + ")");
        }
        if (low > maxItems) {
            throw new Rejected("array bounds leave no length (need " + low + ", at most " + maxItems + ")");
        }
        long room = Math.min(maxItems - low, depth >= Context.SHALLOW_DEPTH ? 0 : 6);
        ArrayNode out = Context.NODES.arrayNode();
        List<JsonNode> seen = new ArrayList<>();
        if (contains == null) {
            for (int i = 0; i < low; i++) {
                add(c, in, depth, unique, i, null, null, out, seen);
            }
            for (int i = low; i < low + room; i++) {
                // the "one more?" coin and the element are one span: the shrinker deletes both at once
                int index = i;
                Boolean added = in.draw(choices ->
                        choices.bool(0.6) ? add(c, choices, depth, unique, index, null, null, out, seen) : null);
                if (added == null) {
                    break;
                }
            }
            return out;
        }
        int length = low;
        while (length - low < room && in.bool(0.6)) {
            length++;
        }
        int containsCount = (int) Math.min(
                Math.min(maxContains, length),
                minContains + (length > minContains && in.bool(0.3) ? in.chooseInt(length - minContains) : 0));
        boolean[] containsAt = placements(in, length, containsCount);
        boolean containsBounded = maxContains < Long.MAX_VALUE;
        for (int i = 0; i < length; i++) {
            Scoped extra = containsAt[i] ? c.child(containsOwner, contains) : null;
            JsonNode negative = containsBounded && !containsAt[i] ? contains : null;
            add(c, in, depth, unique, i, extra, negative, out, seen);
        }
        return out;
    }

    private boolean add(
            Conjunction c,
            Choices in,
            int depth,
            boolean unique,
            int index,
            Scoped extra,
            JsonNode negative,
            ArrayNode out,
            List<JsonNode> seen) {
        List<Scoped> schemas = positionSchemas(c, index);
        if (extra != null) {
            schemas.add(extra);
        }
        JsonNode element = context.generateAll(schemas, negative, in, depth + 1);
        for (int attempt = 0; unique && JsonValues.contains(seen, element); attempt++) {
            if (attempt == UNIQUE_ATTEMPTS) {
                throw new Rejected("could not draw " + (index + 1) + " distinct items");
            }
            element = context.generateAll(schemas, negative, in, depth + 1);
        }
        seen.add(element);
        out.add(element);
        return true;
    }

    private static boolean uniqueItems(Conjunction c) {
        for (JsonNode flag : c.all("uniqueItems")) {
            if (flag.isBoolean() && flag.booleanValue()) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] placements(Choices in, int length, int count) {
        boolean[] at = new boolean[length];
        int remaining = count;
        for (int i = 0; i < length && remaining > 0; i++) {
            int slotsLeft = length - i;
            if (slotsLeft == remaining || !in.bool()) {
                at[i] = true;
                remaining--;
            }
        }
        return at;
    }

    /** The schemas that apply to position {@code index} across the conjunction. */
    private static List<Scoped> positionSchemas(Conjunction c, int index) {
        List<Scoped> out = new ArrayList<>(2);
        boolean evaluated = false;
        for (JsonNode schema : c.schemas) {
            JsonNode prefix = schema.get("prefixItems");
            int prefixLength = prefix != null && prefix.isArray() ? prefix.size() : 0;
            if (index < prefixLength) {
                out.add(c.child(schema, prefix.get(index)));
                evaluated = true;
            } else if (schema.has("items")) {
                out.add(c.child(schema, schema.get("items")));
                evaluated = true;
            }
        }
        if (!evaluated) {
            for (JsonNode schema : c.schemas) {
                JsonNode unevaluated = schema.get("unevaluatedItems");
                if (unevaluated != null && unevaluated.isObject()) {
                    out.add(c.child(schema, unevaluated));
                }
            }
        }
        return out;
    }

    private static int longestPrefix(Conjunction c) {
        int longest = 0;
        for (JsonNode schema : c.schemas) {
            longest = Math.max(longest, schema.path("prefixItems").size());
        }
        return longest;
    }
}
