package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** What every part of one schema's generator shares: the index and the depth limit. Thread-safe. */
final class Context {
    /** Values nested deeper than this get only what their schema requires. */
    static final int SHALLOW_DEPTH = 4;
    /** Values nested deeper than this are rejected (a schema that recurses without a way out). */
    static final int MAX_DEPTH = 24;

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final SchemaIndex index;
    final ValueGen values;

    Context(JsonNode root, java.util.function.Function<String, JsonNode> documents) {
        this.index = new SchemaIndex(root, documents);
        this.values = new ValueGen(this);
    }

    /** A value valid (by construction, as far as supported) for the root schema. */
    JsonNode generateRoot(Choices in) {
        Scoped root = new Scoped(index.root, Scope.root(index.base(index.root)));
        return in.draw(choices -> values.generate(Conjunction.of(this, root, choices), choices, 0));
    }

    /** A value for the conjunction of {@code schemas}. */
    JsonNode generateAll(Iterable<Scoped> schemas, JsonNode extraNegative, Choices in, int depth) {
        return in.draw(choices -> {
            Conjunction conjunction = new Conjunction(this);
            for (Scoped schema : schemas) {
                conjunction.add(schema, choices);
            }
            if (extraNegative != null) {
                conjunction.negatives.add(extraNegative);
            }
            return values.generate(conjunction, choices, depth);
        });
    }
}
