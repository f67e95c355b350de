package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.DraftConversion;
import dev.tokencontract.contract.internal.SourceDraft;
import dev.tokencontract.json.StrictJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a JSON Schema written for draft-04, draft-06, draft-07 or 2019-09 as a draft 2020-12 schema with the
 * same meaning, and wraps it as a contract. Tuple {@code items} become {@code prefixItems},
 * {@code additionalItems} {@code items}, {@code dependencies} {@code dependentRequired}/{@code dependentSchemas},
 * {@code definitions} {@code $defs} (every {@code $ref} rewritten), {@code "$id": "#name"} {@code $anchor},
 * draft-04's boolean exclusive bounds numbers, 2019-09's {@code $recursiveRef}/{@code $recursiveAnchor}
 * {@code $dynamicRef}/{@code $dynamicAnchor}; keywords the old draft ignored (beside a {@code $ref}, or not yet
 * defined) are removed. Every change is reported with its JSON pointer. What cannot be mapped faithfully
 * (a reference outside the document, draft-03, a {@code $schema} mix) is refused with every reason.
 * Stateless and thread-safe. See docs/cli.md, {@code tokencontract import}.
 */
public final class SchemaImport {
    /** The drafts read. A 2020-12 schema passes through (its references are still checked). */
    public enum Draft {
        DRAFT_04(SourceDraft.DRAFT_04),
        DRAFT_06(SourceDraft.DRAFT_06),
        DRAFT_07(SourceDraft.DRAFT_07),
        DRAFT_2019_09(SourceDraft.DRAFT_2019_09),
        DRAFT_2020_12(SourceDraft.DRAFT_2020_12);

        private final SourceDraft source;

        Draft(SourceDraft source) {
            this.source = source;
        }

        /** {@code draft-07}, {@code 2019-09}... */
        public String label() {
            return source.label();
        }

        /** {@code 4}, {@code 04}, {@code draft-04}, {@code 7}, {@code 2019-09}, {@code 2020-12}... */
        public static Optional<Draft> fromLabel(String label) {
            return SourceDraft.fromLabel(label).map(Draft::of);
        }

        private static Draft of(SourceDraft source) {
            return valueOf(source.name());
        }
    }

    /** One rewritten (or refused) place: the JSON pointer in the original document and what happened there. */
    public record Change(String pointer, String description) {}

    /** The 2020-12 schema, the draft it came from, and every change made. */
    public record Result(Draft from, JsonNode schema, List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    /** What a contract says about itself; {@code algorithms} only (and necessarily) for token contracts. */
    public record Header(String name, String version, ContractKind kind, String owner, List<String> algorithms) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(owner, "owner");
            algorithms = List.copyOf(algorithms);
            if (kind == ContractKind.JWT_ACCESS_TOKEN && algorithms.isEmpty()) {
                throw new IllegalArgumentException("a jwt-access-token contract must name its algorithms (x-jose.alg)");
            }
            if (kind != ContractKind.JWT_ACCESS_TOKEN && !algorithms.isEmpty()) {
                throw new IllegalArgumentException(
                        "algorithms apply only to jwt-access-token contracts, not " + kind.id());
            }
        }
    }

    private SchemaImport() {}

    /**
     * Converts schema text. The draft is the one {@code $schema} names; {@code unstated} is used only when the
     * document has no {@code $schema} (there is no default: guessing a draft could change the meaning).
     */
    public static Result convert(String text, Optional<Draft> unstated) throws SchemaImportException {
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok()) {
            throw refused("not readable JSON: " + parsed.detail(), "", parsed.detail());
        }
        return convert(parsed.node(), unstated);
    }

    /** Converts a schema tree (not modified); see {@link #convert(String, Optional)}. */
    public static Result convert(JsonNode schema, Optional<Draft> unstated) throws SchemaImportException {
        if (tooDeep(schema)) {
            throw refused(
                    "nested deeper than " + StrictJson.MAX_DEPTH + " levels",
                    "",
                    "a contract is at most " + StrictJson.MAX_DEPTH + " levels deep");
        }
        Draft draft = draftOf(schema, unstated);
        DraftConversion.Outcome outcome = DraftConversion.convert(schema, draft.source);
        if (!outcome.problems().isEmpty()) {
            throw new SchemaImportException(
                    "the " + draft.label() + " schema cannot be converted faithfully: "
                            + outcome.problems().size() + " problem(s)",
                    changes(outcome.problems()));
        }
        return new Result(draft, outcome.schema(), changes(outcome.changes()));
    }

    /**
     * A contract document: {@code $schema} 2020-12, {@code $id} {@code https://tokencontract.dev/contracts/<name>/<version>},
     * {@code x-contract}, {@code x-jose} for token contracts, then the converted schema's members.
     */
    public static ObjectNode asContract(Result result, Header header) throws SchemaImportException {
        if (!result.schema().isObject()) {
            throw refused("a contract's schema is an object", "", "the schema is " + result.schema());
        }
        for (String reserved : List.of("x-contract", "x-jose", "x-authorization")) {
            if (result.schema().has(reserved)) {
                throw refused("the schema already carries " + reserved, "/" + reserved, "it would be replaced");
            }
        }
        List<Change> acrossResources = new ArrayList<>();
        nonFragmentReferences(result.schema(), "", acrossResources);
        if (!acrossResources.isEmpty()) {
            throw new SchemaImportException(
                    "a contract allows only '#' references, and " + acrossResources.size()
                            + " reference(s) reach another schema resource of this document by URI",
                    acrossResources);
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode contract = json.objectNode();
        contract.put("$schema", SourceDraft.TARGET_URI);
        contract.put("$id", "https://tokencontract.dev/contracts/" + header.name() + "/" + header.version());
        ObjectNode about = contract.putObject("x-contract");
        about.put("name", header.name())
                .put("version", header.version())
                .put("kind", header.kind().id())
                .put("owner", header.owner());
        if (!header.algorithms().isEmpty()) {
            header.algorithms().forEach(contract.putObject("x-jose").putArray("alg")::add);
        }
        result.schema().properties().forEach(field -> {
            if (!field.getKey().equals("$schema") && !field.getKey().equals("$id")) {
                contract.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return contract;
    }

    /** References by URI to an embedded resource ({@code "tree"}, {@code "item.json#/x"}): fine in a schema, refused in a contract. */
    private static void nonFragmentReferences(JsonNode node, String pointer, List<Change> found) {
        if (node.isObject()) {
            for (String keyword : List.of("$ref", "$dynamicRef")) {
                JsonNode ref = node.get(keyword);
                if (ref != null && ref.isString() && !ref.stringValue().startsWith("#")) {
                    found.add(new Change(
                            pointer + "/" + keyword,
                            "\"" + ref.stringValue() + "\" names an embedded schema resource by URI"));
                }
            }
            node.properties().forEach(field -> {
                if (!Set.of("const", "enum", "default", "examples").contains(field.getKey())) {
                    nonFragmentReferences(
                            field.getValue(),
                            pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                            found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nonFragmentReferences(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    /** Deeper than a contract may be ({@link StrictJson#MAX_DEPTH}), checked without recursion. */
    private static boolean tooDeep(JsonNode root) {
        Deque<JsonNode> nodes = new ArrayDeque<>(List.of(root));
        Deque<Integer> depths = new ArrayDeque<>(List.of(0));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            int depth = depths.pop();
            if (depth > StrictJson.MAX_DEPTH) {
                return true;
            }
            for (JsonNode child : node) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return false;
    }

    private static Draft draftOf(JsonNode schema, Optional<Draft> unstated) throws SchemaImportException {
        JsonNode stated = schema.isObject() ? schema.get("$schema") : null;
        if (stated == null) {
            return unstated.orElseThrow(() ->
                    refused("the schema has no $schema: say which draft it is written for", "", "no $schema member"));
        }
        if (!stated.isString()) {
            throw refused("$schema is not a string", "/$schema", String.valueOf(stated));
        }
        if (SourceDraft.isDraft03OrOlder(stated.stringValue())) {
            throw refused(
                    "draft-03 and older cannot be converted faithfully",
                    "/$schema",
                    stated.stringValue()
                            + ": draft-03's required, extends, disallow, divisibleBy and type schemas have no exact 2020-12 form");
        }
        return SourceDraft.fromSchemaUri(stated.stringValue())
                .map(Draft::of)
                .orElseThrow(() -> refused(
                        "unknown $schema",
                        "/$schema",
                        stated.stringValue() + " is not draft-04, -06, -07, 2019-09 or 2020-12"));
    }

    private static SchemaImportException refused(String message, String pointer, String detail) {
        return new SchemaImportException(message, List.of(new Change(pointer, detail)));
    }

    private static List<Change> changes(List<DraftConversion.Note> notes) {
        return notes.stream().map(n -> new Change(n.pointer(), n.text())).toList();
    }
}
