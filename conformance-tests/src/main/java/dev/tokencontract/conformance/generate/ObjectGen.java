package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects: every {@code required} name, some optional {@code properties}, sometimes extra names (from
 * {@code propertyNames}, a {@code patternProperties} pattern, or made up) where {@code additionalProperties}
 * and {@code unevaluatedProperties} allow them; {@code dependentRequired} closed over, {@code dependentSchemas}
 * of present names added to the conjunction; each value from every schema that applies to its name.
 */
final class ObjectGen {
    private final Context context;

    ObjectGen(Context context) {
        this.context = context;
    }

    JsonNode generate(Conjunction c, Choices in, int depth) {
        int minProperties = 0;
        long maxProperties = Long.MAX_VALUE;
        for (JsonNode bound : c.all("minProperties")) {
            minProperties = Math.max(minProperties, StringGen.intValue(bound));
        }
        for (JsonNode bound : c.all("maxProperties")) {
            maxProperties = Math.min(maxProperties, StringGen.intValue(bound));
        }
        if (minProperties > ArrayGen.MAX_BUILT) {
            throw new Rejected("minProperties " + minProperties + " is beyond what the generator builds ("
                    + ArrayGen.MAX_BUILT + ")");
        }
        boolean shallow = depth >= Context.SHALLOW_DEPTH;
        if (c.all("dependentRequired").isEmpty() && c.all("dependentSchemas").isEmpty() && minProperties == 0) {
            return interleaved(c, in, depth, maxProperties, shallow);
        }
        Set<String> keys = new LinkedHashSet<>();
        addRequired(c, keys);
        List<String> declared = declaredNames(c);
        // many optional names (a meta-schema has ~50) would make nested instances explode: keep ~4 on average
        double include = Math.min(0.5, 4.0 / Math.max(1, declared.size()));
        for (String name : declared) {
            if (!keys.contains(name)
                    && keys.size() < maxProperties
                    && !shallow
                    && in.bool(include)
                    && PropertyNames.allowed(c, name)) {
                keys.add(name);
            }
        }
        closeDependentRequired(c, keys);
        if (!shallow && PropertyNames.extrasPossible(c)) {
            while (keys.size() < maxProperties && in.bool(0.2)) {
                addExtra(c, in, keys, depth);
            }
        }
        for (int attempt = 0; keys.size() < minProperties; attempt++) {
            if (attempt == 16) {
                throw new Rejected("could not reach minProperties " + minProperties);
            }
            String optional = firstMissing(declaredNames(c), keys);
            if (optional != null && PropertyNames.allowed(c, optional)) {
                keys.add(optional);
            } else {
                addExtra(c, in, keys, depth);
            }
            closeDependentRequired(c, keys);
        }
        applyDependentSchemas(c, in, keys);
        if (keys.size() > maxProperties) {
            throw new Rejected("required names exceed maxProperties " + maxProperties);
        }
        Set<String> required = new HashSet<>();
        addRequired(c, required);
        ObjectNode out = Context.NODES.objectNode();
        for (String key : keys) {
            if (!required.contains(key)) {
                labelOptional(c, key, in);
            }
            out.set(key, context.generateAll(valueSchemas(c, key), null, in, depth + 1));
        }
        return out;
    }

    /** Labels an optional declared property that is present: {@code property=NAME@#/pointer}. */
    private void labelOptional(Conjunction c, String name, Choices in) {
        for (JsonNode schema : c.schemas) {
            JsonNode properties = schema.get("properties");
            if (properties != null && properties.has(name)) {
                in.label("property=" + name + "@" + context.index.label(schema));
                return;
            }
        }
    }

    /**
     * The common case (no dependencies, no minProperties): each optional name's coin and its value form one
     * span, so the shrinker removes an optional property whole.
     */
    private JsonNode interleaved(Conjunction c, Choices in, int depth, long maxProperties, boolean shallow) {
        Set<String> keys = new LinkedHashSet<>();
        addRequired(c, keys);
        if (keys.size() > maxProperties) {
            throw new Rejected("required names exceed maxProperties " + maxProperties);
        }
        ObjectNode out = Context.NODES.objectNode();
        for (String key : keys) {
            out.set(key, context.generateAll(valueSchemas(c, key), null, in, depth + 1));
        }
        if (shallow) {
            return out;
        }
        List<String> declared = declaredNames(c);
        double include = Math.min(0.5, 4.0 / Math.max(1, declared.size()));
        for (String name : declared) {
            if (!keys.contains(name) && keys.size() < maxProperties && PropertyNames.allowed(c, name)) {
                in.draw(choices -> {
                    if (choices.bool(include)) {
                        labelOptional(c, name, choices);
                        keys.add(name);
                        out.set(name, context.generateAll(valueSchemas(c, name), null, choices, depth + 1));
                    }
                    return null;
                });
            }
        }
        if (PropertyNames.extrasPossible(c)) {
            while (keys.size() < maxProperties) {
                Boolean more = in.draw(choices -> {
                    if (!choices.bool(0.2)) {
                        return null;
                    }
                    String name = PropertyNames.extraName(context, c, choices, depth);
                    if (name != null && !keys.contains(name) && PropertyNames.allowed(c, name)) {
                        keys.add(name);
                        out.set(name, context.generateAll(valueSchemas(c, name), null, choices, depth + 1));
                    }
                    return Boolean.TRUE;
                });
                if (more == null) {
                    break;
                }
            }
        }
        return out;
    }

    private void applyDependentSchemas(Conjunction c, Choices in, Set<String> keys) {
        Set<String> applied = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            boolean added = false;
            for (JsonNode schema : List.copyOf(c.schemas)) {
                JsonNode dependent = schema.get("dependentSchemas");
                if (dependent == null || !dependent.isObject()) {
                    continue;
                }
                for (String key : List.copyOf(keys)) {
                    JsonNode sub = dependent.get(key);
                    if (sub != null && applied.add(context.index.pointer(schema) + "/" + key)) {
                        c.add(c.child(schema, sub), in);
                        added = true;
                    }
                }
            }
            if (!added) {
                return;
            }
            addRequired(c, keys);
            closeDependentRequired(c, keys);
        }
    }

    private void addExtra(Conjunction c, Choices in, Set<String> keys, int depth) {
        String name = PropertyNames.extraName(context, c, in, depth);
        if (name != null && !keys.contains(name) && PropertyNames.allowed(c, name)) {
            keys.add(name);
        }
    }

    private static String firstMissing(List<String> names, Set<String> keys) {
        for (String name : names) {
            if (!keys.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static void addRequired(Conjunction c, Set<String> keys) {
        for (JsonNode required : c.all("required")) {
            for (JsonNode name : required) {
                if (name.isString()) {
                    keys.add(name.stringValue());
                }
            }
        }
    }

    private static void closeDependentRequired(Conjunction c, Set<String> keys) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (JsonNode dependencies : c.all("dependentRequired")) {
                for (Map.Entry<String, JsonNode> entry : dependencies.properties()) {
                    if (keys.contains(entry.getKey())) {
                        for (JsonNode name : entry.getValue()) {
                            changed |= name.isString() && keys.add(name.stringValue());
                        }
                    }
                }
            }
        }
    }

    private static List<String> declaredNames(Conjunction c) {
        List<String> only = List.of();
        int owners = 0;
        for (SchemaFacts facts : c.facts) {
            if (!facts.propertyNames.isEmpty()) {
                owners++;
                only = facts.propertyNames;
            }
        }
        if (owners <= 1) {
            return only;
        }
        Set<String> names = new LinkedHashSet<>();
        for (SchemaFacts facts : c.facts) {
            names.addAll(facts.propertyNames);
        }
        return new ArrayList<>(names);
    }

    /** Every schema that applies to the value of {@code key}, per JSON Schema's evaluation rules. */
    private static List<Scoped> valueSchemas(Conjunction c, String key) {
        List<Scoped> out = new ArrayList<>(2);
        boolean evaluated = false;
        for (JsonNode schema : c.schemas) {
            boolean matched = false;
            JsonNode properties = schema.get("properties");
            if (properties != null && properties.has(key)) {
                out.add(c.child(schema, properties.get(key)));
                matched = true;
            }
            JsonNode patterns = schema.get("patternProperties");
            if (patterns != null) {
                for (Map.Entry<String, JsonNode> entry : patterns.properties()) {
                    if (PropertyNames.patternMatches(entry.getKey(), key)) {
                        out.add(c.child(schema, entry.getValue()));
                        matched = true;
                    }
                }
            }
            if (!matched && schema.has("additionalProperties")) {
                out.add(c.child(schema, schema.get("additionalProperties")));
                matched = true;
            }
            evaluated |= matched;
        }
        if (!evaluated) {
            for (JsonNode schema : c.schemas) {
                if (schema.has("unevaluatedProperties")) {
                    out.add(c.child(schema, schema.get("unevaluatedProperties")));
                }
            }
        }
        return out;
    }
}
