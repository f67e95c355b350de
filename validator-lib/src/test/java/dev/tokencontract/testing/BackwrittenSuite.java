package dev.tokencontract.testing;

import dev.tokencontract.contract.SchemaImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Older-draft test data made from the JSON-Schema-Test-Suite's draft 2020-12 required tests (read from the shared
 * fixtures at run time, never copied): each schema whose keywords all exist with the same meaning in the target
 * draft is written back into that draft's form, keeping the suite's instances and verdicts. The rewrite is the
 * inverse of the import's rules ({@code prefixItems} → tuple {@code items}, {@code items} after it →
 * {@code additionalItems}, {@code $defs} → {@code definitions} with every pointer rewritten,
 * {@code dependentRequired}/{@code dependentSchemas} → {@code dependencies}, {@code $anchor} → {@code $id "#name"}
 * ({@code id} in draft-04), numeric exclusive bounds → draft-04's boolean form, {@code const} → one-value
 * {@code enum} and boolean schemas → {@code {}}/{@code {"not": {}}} in draft-04, a {@code $ref} with siblings
 * wrapped in {@code allOf} before draft 2019-09). A schema using anything else (dynamic references, a reference
 * that is not a local pointer or anchor, a keyword the target draft lacks or reads differently) is left out.
 * Whether a back-written schema really means what the 2020-12 one means is checked by the tests that use it
 * (networknt judging it in its own draft against the suite's verdicts).
 */
public final class BackwrittenSuite {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String META_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> SCHEMA_VALUED = Set.of(
            "additionalProperties",
            "items",
            "contains",
            "not",
            "if",
            "then",
            "else",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties");
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords no older target has with the 2020-12 meaning, or that an older draft reads as something else. */
    private static final Set<String> NEVER = Set.of(
            "$dynamicRef",
            "$dynamicAnchor",
            "$vocabulary",
            "contentSchema",
            "contentMediaType",
            "contentEncoding",
            "definitions",
            "dependencies",
            "additionalItems",
            "id",
            "$recursiveRef",
            "$recursiveAnchor");
    /** Keywords that only 2019-09 (of the older drafts) has. */
    private static final Set<String> SINCE_2019_09 =
            Set.of("unevaluatedItems", "unevaluatedProperties", "maxContains", "minContains");

    private static final Set<String> SINCE_06 = Set.of("contains", "propertyNames", "const");
    private static final Set<String> SINCE_07 = Set.of("if", "then", "else", "$comment");

    private BackwrittenSuite() {}

    /** One instance of a suite group and the suite's verdict. */
    public record Instance(String description, JsonNode data, boolean valid) {}

    /** One suite group written back into {@code draft}: where it came from, the back-written schema, its instances. */
    public record Case(String file, int group, String description, JsonNode schema, List<Instance> instances) {
        public String where() {
            return file + " #" + group + " (" + description + ")";
        }
    }

    /** The 2020-12 suite's required test groups, and which of them could be written back into {@code draft}. */
    public record Written(SchemaImport.Draft draft, int groups, List<Case> cases) {}

    /** The 2020-12 suite (shared fixtures) written back into {@code draft}. */
    public static Written of(SchemaImport.Draft draft) {
        Path folder = FixtureFiles.root().resolve("json-schema-test-suite/tests/draft2020-12");
        List<Case> cases = new ArrayList<>();
        int groups = 0;
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file :
                    list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode read = JSON.readTree(file.toFile());
                for (int g = 0; g < read.size(); g++) {
                    groups++;
                    JsonNode group = read.get(g);
                    Optional<JsonNode> schema = write(group.get("schema"), draft);
                    if (schema.isPresent()) {
                        List<Instance> instances = new ArrayList<>();
                        group.get("tests")
                                .forEach(t -> instances.add(new Instance(
                                        t.path("description").asString(),
                                        t.get("data"),
                                        t.get("valid").asBoolean())));
                        cases.add(new Case(
                                file.getFileName().toString(),
                                g,
                                group.path("description").asString(),
                                schema.get(),
                                List.copyOf(instances)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(draft, groups, List.copyOf(cases));
    }

    /** {@code schema} (draft 2020-12) in {@code draft}'s form, or empty when it has no faithful back-written form. */
    public static Optional<JsonNode> write(JsonNode schema, SchemaImport.Draft draft) {
        if (draft == SchemaImport.Draft.DRAFT_2019_09
                && !schema.findValues("contains").isEmpty()
                && !schema.findValues("unevaluatedItems").isEmpty()) {
            return Optional.empty(); // 2019-09's contains does not count as evaluating items; 2020-12's does
        }
        try {
            JsonNode written = new Writer(draft).schema(schema, schema, true);
            if (written.isObject() && !written.has("$schema")) {
                ((ObjectNode) written)
                        .put("$schema", Writer.META.get(draft)); // say the draft, as the suite's schemas do
            }
            return Optional.of(written);
        } catch (NoForm e) {
            return Optional.empty();
        }
    }

    /** Thrown inside the writer when the schema has no back-written form; never leaves this class. */
    private static final class NoForm extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoForm() {
            super(null, null, false, false);
        }
    }

    private record Writer(SchemaImport.Draft draft) {
        private static final Map<SchemaImport.Draft, String> META = Map.of(
                SchemaImport.Draft.DRAFT_04, "http://json-schema.org/draft-04/schema#",
                SchemaImport.Draft.DRAFT_06, "http://json-schema.org/draft-06/schema#",
                SchemaImport.Draft.DRAFT_07, "http://json-schema.org/draft-07/schema#",
                SchemaImport.Draft.DRAFT_2019_09, "https://json-schema.org/draft/2019-09/schema");

        private boolean is04() {
            return draft == SchemaImport.Draft.DRAFT_04;
        }

        private boolean before07() {
            return draft == SchemaImport.Draft.DRAFT_04 || draft == SchemaImport.Draft.DRAFT_06;
        }

        private boolean before2019() {
            return draft != SchemaImport.Draft.DRAFT_2019_09;
        }

        /** {@code node} (a schema) written back; {@code resource} is the schema resource it sits in (for pointers). */
        JsonNode schema(JsonNode node, JsonNode resource, boolean isRoot) {
            if (node.isBoolean()) {
                if (!is04()) {
                    return node;
                }
                ObjectNode object = NODES.objectNode();
                if (!node.booleanValue()) {
                    object.set("not", NODES.objectNode());
                }
                return object;
            }
            if (!node.isObject()) {
                throw new NoForm();
            }
            JsonNode here = node.has("$id") && !isRoot ? node : resource;
            ObjectNode out = NODES.objectNode();
            ObjectNode dependencies = NODES.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String key = member.getKey();
                JsonNode value = member.getValue();
                if (NEVER.contains(key) || (before2019() && SINCE_2019_09.contains(key))) {
                    throw new NoForm();
                }
                if ((is04() && SINCE_06.contains(key) && !key.equals("const"))
                        || (before07() && SINCE_07.contains(key) && !key.equals("$comment"))) {
                    throw new NoForm();
                }
                switch (key) {
                    case "$schema" -> {
                        if (!value.isString() || !value.stringValue().equals(META_2020_12)) {
                            throw new NoForm();
                        }
                        out.put("$schema", META.get(draft));
                    }
                    case "$id" -> out.set(is04() ? "id" : "$id", value);
                    case "$anchor" -> {
                        if (before2019()) {
                            if (node.has("$id")) {
                                throw new NoForm();
                            }
                            out.put(is04() ? "id" : "$id", "#" + value.stringValue());
                        } else {
                            out.set(key, value);
                        }
                    }
                    case "$comment" -> {
                        if (!before07()) {
                            out.set(key, value);
                        }
                    }
                    case "$ref" -> out.put("$ref", reference(value, here));
                    case "$defs" -> out.set(before2019() ? "definitions" : "$defs", schemaMap(value, here));
                    case "prefixItems" -> out.set("items", schemaArray(value, here));
                    case "items" -> {
                        if (value.isArray()) {
                            throw new NoForm(); // not a 2020-12 form
                        }
                        out.set(node.has("prefixItems") ? "additionalItems" : "items", schema(value, here, false));
                    }
                    case "dependentRequired", "dependentSchemas" -> {
                        JsonNode written = key.equals("dependentRequired") ? value : schemaMap(value, here);
                        if (!before2019()) {
                            out.set(key, written);
                        } else {
                            for (Map.Entry<String, JsonNode> entry : written.properties()) {
                                if (dependencies.has(entry.getKey())) {
                                    throw new NoForm();
                                }
                                dependencies.set(entry.getKey(), entry.getValue());
                            }
                        }
                    }
                    case "exclusiveMinimum", "exclusiveMaximum" -> {
                        if (is04()) {
                            String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
                            if (node.has(bound)) {
                                throw new NoForm();
                            }
                            out.set(bound, value);
                            out.put(key, true);
                        } else {
                            out.set(key, value);
                        }
                    }
                    case "const" -> {
                        if (is04()) {
                            if (node.has("enum")) {
                                throw new NoForm();
                            }
                            out.set("enum", NODES.arrayNode().add(value));
                        } else {
                            out.set(key, value);
                        }
                    }
                    default -> {
                        if (SCHEMA_VALUED.contains(key)) {
                            out.set(key, schema(value, here, false));
                        } else if (SCHEMA_MAPS.contains(key)) {
                            out.set(key, schemaMap(value, here));
                        } else if (SCHEMA_ARRAYS.contains(key)) {
                            out.set(key, schemaArray(value, here));
                        } else {
                            out.set(
                                    key,
                                    value); // a value keyword (enum, required, default...) or an unknown one: as is
                        }
                    }
                }
            }
            if (!dependencies.isEmpty()) {
                out.set("dependencies", dependencies);
            }
            if (before2019() && out.has("$ref") && out.size() > 1) {
                // before 2019-09 a $ref's siblings are ignored; 2020-12 applies them: keep them outside, $ref in allOf
                if (out.has("allOf")) {
                    throw new NoForm();
                }
                JsonNode ref = out.remove("$ref");
                out.set("allOf", NODES.arrayNode().add(NODES.objectNode().set("$ref", ref)));
            }
            return out;
        }

        private ObjectNode schemaMap(JsonNode value, JsonNode resource) {
            if (!value.isObject()) {
                throw new NoForm();
            }
            ObjectNode out = NODES.objectNode();
            value.properties().forEach(e -> out.set(e.getKey(), schema(e.getValue(), resource, false)));
            return out;
        }

        private ArrayNode schemaArray(JsonNode value, JsonNode resource) {
            if (!value.isArray()) {
                throw new NoForm();
            }
            ArrayNode out = NODES.arrayNode();
            value.forEach(v -> out.add(schema(v, resource, false)));
            return out;
        }

        /** A local reference with its pointer translated along the 2020-12 schema; anything else has no form here. */
        private String reference(JsonNode value, JsonNode resource) {
            if (!value.isString() || !value.stringValue().startsWith("#")) {
                throw new NoForm();
            }
            String ref = value.stringValue();
            if (ref.equals("#") || !ref.startsWith("#/")) {
                return ref; // the resource itself, or an anchor (written back as an anchor above)
            }
            StringBuilder out = new StringBuilder("#");
            JsonNode at = resource;
            String[] tokens = ref.substring(2).split("/", -1);
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (at == null || !at.isObject()) {
                    throw new NoForm();
                }
                String written = token;
                switch (token) {
                    case "$defs", "properties", "patternProperties", "dependentSchemas" -> {
                        if (i + 1 >= tokens.length) {
                            throw new NoForm();
                        }
                        String name = tokens[++i];
                        if (token.equals("$defs")) {
                            written = before2019() ? "definitions" : "$defs";
                        } else if (token.equals("dependentSchemas") && before2019()) {
                            written = "dependencies";
                        }
                        out.append('/').append(written).append('/').append(name);
                        at = at.path(token).get(name.replace("~1", "/").replace("~0", "~"));
                        continue;
                    }
                    case "allOf", "anyOf", "oneOf", "prefixItems" -> {
                        if (i + 1 >= tokens.length) {
                            throw new NoForm();
                        }
                        String index = tokens[++i];
                        written = token.equals("prefixItems") ? "items" : token;
                        out.append('/').append(written).append('/').append(index);
                        at = at.path(token).get(Integer.parseInt(index));
                        continue;
                    }
                    case "items" -> written = at.has("prefixItems") ? "additionalItems" : "items";
                    default -> {
                        if (!SCHEMA_VALUED.contains(token)) {
                            throw new NoForm(); // a pointer into something that is not a schema
                        }
                    }
                }
                out.append('/').append(written);
                at = at.get(token);
            }
            if (at == null) {
                throw new NoForm();
            }
            return out.toString();
        }
    }
}
