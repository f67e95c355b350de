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
    private final Context context;
    private int expansions;

    Conjunction(Context context) {
        this.context = context;
    }

    static Conjunction of(Context context, JsonNode schema, Choices in) {
        Conjunction conjunction = new Conjunction(context);
        conjunction.add(schema, in);
        return conjunction;
    }

    void add(JsonNode schema, Choices in) {
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
        schemas.add(schema);
        for (String refKeyword : new String[] {"$ref", "$dynamicRef"}) {
            JsonNode ref = schema.get(refKeyword);
            if (ref != null && ref.isString()) {
                JsonNode target = context.index.resolve(schema, ref.stringValue());
                if (target == null) {
                    throw new Rejected("unresolved " + refKeyword + " '" + ref.stringValue() + "'");
                }
                add(target, in);
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode member : allOf) {
                add(member, in);
            }
        }
        branch(schema, "anyOf", in);
        branch(schema, "oneOf", in);
        JsonNode condition = schema.get("if");
        if (condition != null && (schema.has("then") || schema.has("else"))) {
            boolean takeThen = !in.bool();
            in.label((takeThen ? "then@" : "else@") + context.index.pointer(schema));
            if (takeThen) {
                add(condition, in);
                addIfPresent(schema.get("then"), in);
            } else {
                negatives.add(condition);
                addIfPresent(schema.get("else"), in);
            }
        }
        JsonNode not = schema.get("not");
        if (not != null) {
            negatives.add(not);
        }
    }

    private void branch(JsonNode schema, String keyword, Choices in) {
        JsonNode branches = schema.get(keyword);
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            return;
        }
        int chosen = in.chooseInt(branches.size() - 1);
        in.label(keyword + "[" + chosen + "]@" + context.index.pointer(schema));
        add(branches.get(chosen), in);
        if (keyword.equals("oneOf")) {
            for (int i = 0; i < branches.size(); i++) {
                if (i != chosen) {
                    negatives.add(branches.get(i));
                }
            }
        }
    }

    private void addIfPresent(JsonNode schema, Choices in) {
        if (schema != null) {
            add(schema, in);
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
