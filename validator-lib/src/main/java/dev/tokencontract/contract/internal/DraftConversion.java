package dev.tokencontract.contract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a draft-04/06/07/2019-09 schema into draft 2020-12 with the same meaning: every instance the
 * original accepts, the result accepts, and the other way round. Records one change per rewritten place (JSON
 * pointer into the original) and one problem per place it cannot map faithfully; when there is any problem
 * the result must not be used. Not thread-safe; one instance per document.
 */
public final class DraftConversion {
    /** A JSON pointer into the original document and what happened there. */
    public record Note(String pointer, String text) {}

    /** The converted schema (unusable when {@code problems} is not empty), the changes and the problems. */
    public record Outcome(JsonNode schema, List<Note> changes, List<Note> problems) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode root;
    private final SourceDraft draft;
    private final Set<String> keywords;
    private final ImportIndex index;
    private final PointerTranslation translation;
    private final String recursiveAnchor;
    private final List<Note> changes = new ArrayList<>();
    private final List<Note> problems = new ArrayList<>();

    private DraftConversion(JsonNode root, SourceDraft draft) {
        this.root = root;
        this.draft = draft;
        this.keywords = draft.keywords();
        this.index = new ImportIndex(root, draft);
        this.translation = new PointerTranslation(root, draft);
        String name = "recursive";
        for (int i = 2; index.anchorNames().contains(name); i++) {
            name = "recursive-" + i;
        }
        this.recursiveAnchor = name;
    }

    /** Converts {@code root}, written in {@code draft}, to 2020-12. */
    public static Outcome convert(JsonNode root, SourceDraft draft) {
        DraftConversion conversion = new DraftConversion(root, draft);
        if (draft == SourceDraft.DRAFT_2019_09
                && conversion.index.usesContains
                && conversion.index.usesUnevaluatedItems) {
            conversion.problems.add(new Note(
                    "",
                    "uses both contains and unevaluatedItems: in 2019-09 an item matched by contains"
                            + " is still unevaluated, in 2020-12 it is evaluated, and no rewrite keeps both meanings"));
        }
        JsonNode converted = conversion.schema(root, new ArrayList<>());
        return new Outcome(converted, List.copyOf(conversion.changes), List.copyOf(conversion.problems));
    }

    private JsonNode schema(JsonNode node, List<String> path) {
        if (!node.isObject()) {
            if (!node.isBoolean()) {
                problem(path, "is not a schema (an object or a boolean)");
            }
            return node.deepCopy();
        }
        ObjectNode out = JSON.objectNode();
        boolean refOnly = draft.refSiblingsIgnored() && node.path("$ref").isString();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            path.add(key);
            if (refOnly && !ImportKeywords.KEPT_BESIDE_REF.contains(key)) {
                change(path, "removed: " + draft.label() + " ignores every keyword beside $ref");
            } else {
                keyword(node, key, value, path, out);
            }
            path.remove(path.size() - 1);
        }
        return out;
    }

    private void keyword(JsonNode node, String key, JsonNode value, List<String> path, ObjectNode out) {
        if (key.equals("$schema")) {
            schemaUri(node, value, path, out);
        } else if (key.equals(draft.idKeyword()) && value.isString()) {
            new IdConversion(this).convert(node, value.stringValue(), path, out);
        } else if (key.equals("$ref") && value.isString()) {
            out.put("$ref", new RefConversion(this, index, translation).convert(node, value.stringValue(), path));
        } else if (key.equals("$recursiveRef") && draft == SourceDraft.DRAFT_2019_09) {
            recursiveRef(node, value, path, out);
        } else if (key.equals("$recursiveAnchor") && draft == SourceDraft.DRAFT_2019_09) {
            if (value.asBoolean(false) && index.isResourceRoot(node)) {
                out.put("$dynamicAnchor", recursiveAnchor);
                change(path, "$recursiveAnchor: true -> $dynamicAnchor \"" + recursiveAnchor + "\"");
            } else {
                change(path, "removed: $recursiveAnchor " + value + " has no effect here");
            }
        } else if (key.equals("definitions") && draft != SourceDraft.DRAFT_2020_12 || key.equals("$defs")) {
            ObjectNode defs = out.get("$defs") instanceof ObjectNode existing ? existing : out.putObject("$defs");
            if (key.equals("definitions")) {
                change(path, "definitions -> $defs");
            }
            schemaMap(value, path, defs);
        } else if (key.equals("items") && value.isArray() && draft != SourceDraft.DRAFT_2020_12) {
            if (value.isEmpty()) {
                change(path, "removed: an empty tuple constrains nothing");
            } else {
                change(path, "items (tuple form) -> prefixItems");
                out.set("prefixItems", schemaArray(value, path));
            }
        } else if (key.equals("additionalItems") && keywords.contains(key)) {
            if (node.path("items").isArray() && !node.path("items").isEmpty()) {
                change(path, "additionalItems -> items (the items after the tuple)");
                out.set("items", schema(value, path));
            } else if (node.path("items").isArray()) {
                change(path, "additionalItems -> items (the tuple is empty, so it applies to every item)");
                out.set("items", schema(value, path));
            } else {
                change(path, "removed: additionalItems has no effect without tuple items");
            }
        } else if (key.equals("dependencies") && keywords.contains(key)) {
            dependencies(value, path, out);
        } else if ((key.equals("exclusiveMaximum") || key.equals("exclusiveMinimum"))
                && draft == SourceDraft.DRAFT_04) {
            exclusiveBound(node, key, value, path, out);
        } else if ((key.equals("exclusiveMaximum") || key.equals("exclusiveMinimum")) && value.isBoolean()) {
            problem(
                    path,
                    key + ": " + value + " is draft-04 syntax, but the document says " + draft.label()
                            + " (state $schema draft-04, or write the bound as a number)");
        } else if ((key.equals("maximum") || key.equals("minimum"))
                && draft == SourceDraft.DRAFT_04
                && node.path(key.equals("maximum") ? "exclusiveMaximum" : "exclusiveMinimum")
                        .asBoolean(false)) {
            return; // folded into the numeric exclusive bound
        } else if (draft.ignoredHereActiveIn202012(key)) {
            change(path, "removed: " + draft.label() + " ignores " + key + ", which 2020-12 would apply");
        } else if (key.equals("required") && value.isBoolean()) {
            problem(
                    path,
                    "required: " + value
                            + " is draft-03 syntax; draft-04 and later list names in the parent's required");
        } else if (key.equals("type")
                && (value.isString() && value.stringValue().equals("any")
                        || value.isArray()
                                && value.valueStream()
                                        .anyMatch(t ->
                                                t.isObject() || t.asString("").equals("any")))) {
            problem(path, "type " + value + " is draft-03 syntax (\"any\" or schemas inside type)");
        } else if (key.equals("type")
                && draft == SourceDraft.DRAFT_04
                && (value.asString("").equals("integer")
                        || value.isArray()
                                && value.valueStream()
                                        .anyMatch(t -> t.asString("").equals("integer")))) {
            out.set(key, value.deepCopy());
            change(
                    path,
                    "kept, but integer now also accepts a whole number written with a fraction or exponent (1.0, 1e2):"
                            + " draft-04 refused those, 2020-12 judges the value and cannot tell them apart");
        } else if (ImportKeywords.SINGLE.contains(key) && keywords.contains(key)
                || key.equals("items") && keywords.contains(key)) {
            out.set(key, schema(value, path));
        } else if (ImportKeywords.ARRAY.contains(key) && keywords.contains(key) && value.isArray()) {
            out.set(key, schemaArray(value, path));
        } else if (ImportKeywords.MAP.contains(key) && keywords.contains(key) && value.isObject()) {
            schemaMap(value, path, out.putObject(key));
        } else {
            out.set(key, value.deepCopy());
        }
    }

    private void schemaUri(JsonNode node, JsonNode value, List<String> path, ObjectNode out) {
        boolean rootOfResource = path.size() == 1 || index.effectiveId(node) != null;
        if (!value.isString() || SourceDraft.fromSchemaUri(value.stringValue()).orElse(null) != draft) {
            problem(
                    path,
                    "$schema " + value + " differs from the document's " + draft.label()
                            + ": one dialect per document");
        } else if (rootOfResource) {
            out.put("$schema", SourceDraft.TARGET_URI);
            if (!value.stringValue().equals(SourceDraft.TARGET_URI)) {
                change(path, value.stringValue() + " -> " + SourceDraft.TARGET_URI);
            }
        } else {
            change(path, "removed: $schema inside a subschema that is not a resource root");
        }
    }

    private void recursiveRef(JsonNode node, JsonNode value, List<String> path, ObjectNode out) {
        if (!value.isString() || !value.stringValue().equals("#")) {
            problem(path, "$recursiveRef " + value + ": 2019-09 defines only \"#\"");
            return;
        }
        JsonNode resource = pathNode(index.resourceOf(node));
        if (resource != null && resource.path("$recursiveAnchor").asBoolean(false)) {
            out.put("$dynamicRef", "#" + recursiveAnchor);
            change(path, "$recursiveRef \"#\" -> $dynamicRef \"#" + recursiveAnchor + "\"");
        } else {
            out.put("$ref", "#");
            change(
                    path,
                    "$recursiveRef \"#\" -> $ref \"#\" (its resource has no $recursiveAnchor, so it is a plain reference)");
        }
    }

    private void dependencies(JsonNode value, List<String> path, ObjectNode out) {
        if (!value.isObject()) {
            problem(path, "dependencies must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            path.add(entry.getKey());
            if (entry.getValue().isArray()) {
                ObjectNode required =
                        out.get("dependentRequired") instanceof ObjectNode r ? r : out.putObject("dependentRequired");
                required.set(entry.getKey(), entry.getValue().deepCopy());
                change(path, "dependencies (names) -> dependentRequired");
            } else {
                ObjectNode schemas =
                        out.get("dependentSchemas") instanceof ObjectNode s ? s : out.putObject("dependentSchemas");
                schemas.set(entry.getKey(), schema(entry.getValue(), path));
                change(path, "dependencies (schema) -> dependentSchemas");
            }
            path.remove(path.size() - 1);
        }
    }

    private void exclusiveBound(JsonNode node, String key, JsonNode value, List<String> path, ObjectNode out) {
        String bound = key.equals("exclusiveMaximum") ? "maximum" : "minimum";
        if (!value.isBoolean()) {
            problem(path, key + " " + value + " must be a boolean in draft-04");
        } else if (value.booleanValue() && node.path(bound).isNumber()) {
            out.set(key, node.get(bound).deepCopy());
            change(path, key + ": true with " + bound + " " + node.get(bound) + " -> " + key + ": " + node.get(bound));
        } else if (value.booleanValue()) {
            change(path, "removed: " + key + ": true has no effect without " + bound);
        } else {
            change(path, "removed: " + key + ": false is the default");
        }
    }

    private JsonNode schemaArray(JsonNode value, List<String> path) {
        var array = JSON.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            path.add(Integer.toString(i));
            array.add(schema(value.get(i), path));
            path.remove(path.size() - 1);
        }
        return array;
    }

    private void schemaMap(JsonNode value, List<String> path, ObjectNode into) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            path.add(entry.getKey());
            if (into.has(entry.getKey())) {
                problem(path, "defined under both definitions and $defs");
            } else {
                into.set(entry.getKey(), schema(entry.getValue(), path));
            }
            path.remove(path.size() - 1);
        }
    }

    JsonNode pathNode(List<String> tokens) {
        return PointerTranslation.at(root, tokens);
    }

    void change(List<String> path, String text) {
        changes.add(new Note(ImportKeywords.pointer(path), text));
    }

    void problem(List<String> path, String text) {
        problems.add(new Note(ImportKeywords.pointer(path), text));
    }

    SourceDraft draft() {
        return draft;
    }
}
