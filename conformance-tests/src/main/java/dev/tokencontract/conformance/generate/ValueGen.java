package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Picks a value for a conjunction: from {@code const}/{@code enum} when present, else by type. */
final class ValueGen {

    private final Context context;
    private final NumberGen numbers = new NumberGen();
    private final StringGen strings;
    private final ArrayGen arrays;
    private final ObjectGen objects;

    ValueGen(Context context) {
        this.context = context;
        this.strings = new StringGen(context);
        this.arrays = new ArrayGen(context);
        this.objects = new ObjectGen(context);
    }

    JsonNode generate(Conjunction c, Choices in, int depth) {
        if (depth > Context.MAX_DEPTH) {
            throw new Rejected(
                    "value nested deeper than " + Context.MAX_DEPTH + " levels (a schema without a finite instance?)");
        }
        int allowed = SchemaFacts.ALL;
        int hinted = 0;
        for (SchemaFacts facts : c.facts) {
            allowed &= facts.typeMask;
            hinted |= facts.hintMask;
        }
        boolean integersExcluded = false;
        for (JsonNode negative : c.negatives) {
            if (negative.isBoolean() ? negative.booleanValue() : negative.isObject() && negative.isEmpty()) {
                throw new Rejected("'not' of a schema that admits everything");
            }
            if (negative.isObject() && negative.size() == 1 && negative.has("type")) {
                int excluded = SchemaFacts.mask(negative.get("type"));
                integersExcluded |= (excluded & SchemaFacts.INTEGER) != 0;
                allowed &= ~excluded;
            }
        }
        List<JsonNode> candidates = JsonValues.enumerated(c);
        if (candidates != null) {
            return pickEnumerated(c, candidates, allowed, in);
        }
        if (allowed == 0) {
            throw new Rejected("no JSON type satisfies every 'type' here");
        }
        JsonNode value = byType(c, allowed, hinted, integersExcluded, in, depth);
        // a value a simple negative (not: {const}/{enum}) rules out is redrawn a few times
        for (int attempt = 0; attempt < 8 && JsonValues.excludedByNegatives(value, c.negatives); attempt++) {
            value = byType(c, allowed, hinted, integersExcluded, in, depth);
        }
        return value;
    }

    private JsonNode byType(Conjunction c, int allowed, int hinted, boolean integersExcluded, Choices in, int depth) {
        int type = chooseType(allowed, hinted, in, depth);
        labelUnionType(c, type, in);
        switch (type) {
            case SchemaFacts.NULL:
                return Context.NODES.nullNode();
            case SchemaFacts.BOOLEAN:
                return Context.NODES.booleanNode(in.bool());
            case SchemaFacts.INTEGER:
                return numbers.generate(c, in, true, false);
            case SchemaFacts.NUMBER:
                return numbers.generate(c, in, false, integersExcluded);
            case SchemaFacts.STRING:
                return Context.NODES.stringNode(strings.generate(c, in));
            case SchemaFacts.ARRAY:
                return arrays.generate(c, in, depth);
            default:
                return objects.generate(c, in, depth);
        }
    }

    private JsonNode pickEnumerated(Conjunction c, List<JsonNode> candidates, int allowed, Choices in) {
        List<JsonNode> usable = new ArrayList<>(candidates.size());
        for (JsonNode candidate : candidates) {
            boolean typeOk = (allowed & SchemaFacts.bitOf(candidate)) != 0;
            if (typeOk && !JsonValues.excludedByNegatives(candidate, c.negatives)) {
                usable.add(candidate);
            }
        }
        if (usable.isEmpty()) {
            throw new Rejected("const/enum leave no value that is also allowed by 'type' and 'not'");
        }
        JsonNode chosen = usable.get(in.chooseInt(usable.size() - 1));
        if (usable.size() <= 64) {
            JsonNode owner = firstWith(c, "enum");
            if (owner != null) {
                in.label("enum=" + chosen + "@" + context.index.label(owner));
            }
        }
        return chosen.deepCopy();
    }

    private static JsonNode firstWith(Conjunction c, String keyword) {
        for (JsonNode schema : c.schemas) {
            if (schema.has(keyword)) {
                return schema;
            }
        }
        return null;
    }

    /** For a {@code type} that lists several types: {@code type=NAME@#/pointer} of the one chosen. */
    private void labelUnionType(Conjunction c, int type, Choices in) {
        for (JsonNode schema : c.schemas) {
            JsonNode declared = schema.get("type");
            if (declared != null && declared.isArray() && declared.size() > 1) {
                in.label("type=" + SchemaFacts.name(type) + "@" + context.index.label(schema));
                return;
            }
        }
    }

    /** One type bit from {@code allowed}: usually one the schema's keywords hint at; choice 0 is the first in order. */
    private static int chooseType(int allowed, int hinted, Choices in, int depth) {
        if (Integer.bitCount(allowed) == 1) {
            return allowed;
        }
        int pool = allowed;
        if (depth >= Context.SHALLOW_DEPTH) {
            int scalars = pool & ~((SchemaFacts.ARRAY | SchemaFacts.OBJECT) & ~hinted);
            if (scalars != 0) {
                pool = scalars;
            }
        }
        if ((pool & hinted) != 0 && !in.bool(0.25)) {
            pool &= hinted;
        }
        int index = in.chooseInt(Integer.bitCount(pool) - 1);
        for (int bit : SchemaFacts.ORDER) {
            if ((pool & bit) != 0 && index-- == 0) {
                return bit;
            }
        }
        throw new IllegalStateException("no type bit chosen");
    }
}
