package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The schemas one value must satisfy at once, after the applicators were expanded with choices: every
 * {@code allOf} member, the {@code $ref} target, one {@code anyOf}/{@code oneOf} branch, the taken side of
 * {@code if}. {@code negatives} are schemas the value must not satisfy ({@code not}, the other side of
 * {@code if}); they are honoured where cheap and otherwise left to the validator's filter.
 */
final class Conjunction {
    private static final int MAX_EXPANSIONS = 256;

    final List<JsonNode> schemas = new ArrayList<>();
    final List<JsonNode> negatives = new ArrayList<>();
    /** Aligned with {@link #schemas}. */
    private final List<Scope> scopes = new ArrayList<>();

    final List<SchemaFacts> facts = new ArrayList<>();
    private final Context context;
    private int expansions;

    Conjunction(Context context) {
        this.context = context;
    }

    static Conjunction of(Context context, Scoped schema, Choices in) {
        Conjunction conjunction = new Conjunction(context);
        conjunction.add(schema, in);
        return conjunction;
    }

    /** {@code child}, a subschema of {@code parent} (a member of this conjunction), in its parent's scope. */
    Scoped child(JsonNode parent, JsonNode child) {
        for (int i = 0; i < schemas.size(); i++) {
            if (schemas.get(i) == parent) {
                return new Scoped(child, scopes.get(i));
            }
        }
        return new Scoped(child, Scope.root(context.index.base(parent)));
    }

    void add(Scoped scoped, Choices in) {
        add(scoped.schema(), scoped.scope(), in);
    }

    private void add(JsonNode schema, Scope outer, Choices in) {
        if (++expansions > MAX_EXPANSIONS) {
            throw new Rejected("schema expands without end (a $ref cycle?) at " + context.index.pointer(schema));
        }
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                throw new Rejected("the false schema at " + context.index.pointer(schema) + " admits nothing");
            }
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        SchemaFacts known = context.index.facts(schema);
        Scope scope = outer.enter(known.base);
        schemas.add(schema);
        scopes.add(scope);
        facts.add(known);
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isString()) {
            JsonNode target = known.refTarget;
            if (target == null) {
                throw new Rejected("unresolved $ref '" + ref.stringValue() + "'");
            }
            add(target, scope, in);
        }
        if (!known.applicators) {
            return;
        }
        JsonNode dynamicRef = schema.get("$dynamicRef");
        if (dynamicRef != null && dynamicRef.isString()) {
            JsonNode target = context.index.resolveDynamic(schema, dynamicRef.stringValue(), scope);
            if (target == null) {
                throw new Rejected("unresolved $dynamicRef '" + dynamicRef.stringValue() + "'");
            }
            add(target, scope, in);
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode member : allOf) {
                add(member, scope, in);
            }
        }
        branch(schema, scope, "anyOf", in);
        branch(schema, scope, "oneOf", in);
        JsonNode condition = schema.get("if");
        if (condition != null && (schema.has("then") || schema.has("else"))) {
            boolean takeThen = !in.bool();
            in.label((takeThen ? "then@" : "else@") + context.index.label(schema));
            if (takeThen) {
                add(condition, scope, in);
                addIfPresent(schema.get("then"), scope, in);
            } else {
                negatives.add(condition);
                addIfPresent(schema.get("else"), scope, in);
            }
        }
        JsonNode not = schema.get("not");
        if (not != null) {
            negatives.add(not);
        }
    }

    private void branch(JsonNode schema, Scope scope, String keyword, Choices in) {
        JsonNode branches = schema.get(keyword);
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            return;
        }
        int chosen = in.chooseInt(branches.size() - 1);
        in.label(keyword + "[" + chosen + "]@" + context.index.label(schema));
        add(branches.get(chosen), scope, in);
        if (keyword.equals("oneOf")) {
            for (int i = 0; i < branches.size(); i++) {
                if (i != chosen) {
                    negatives.add(branches.get(i));
                }
            }
        }
    }

    private void addIfPresent(JsonNode schema, Scope scope, Choices in) {
        if (schema != null) {
            add(schema, scope, in);
        }
    }

    /** Every value of {@code keyword} across the conjunction, in order. */
    List<JsonNode> all(String keyword) {
        List<JsonNode> out = new ArrayList<>(2);
        for (JsonNode schema : schemas) {
            JsonNode value = schema.get(keyword);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    JsonNode first(String keyword) {
        for (JsonNode schema : schemas) {
            JsonNode value = schema.get(keyword);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
