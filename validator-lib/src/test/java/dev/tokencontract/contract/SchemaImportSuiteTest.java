package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faithfulness of {@link SchemaImport} on data nobody here wrote: the official JSON-Schema-Test-Suite's required
 * tests for draft-04, -06, -07 and 2019-09 (vendored under src/test/resources). Every schema is converted; every
 * test instance must get the suite's verdict from the converted 2020-12 schema (networknt, 2020-12 dialect).
 * A schema the import refuses must be refused for a reason that really has no faithful form (a reference
 * outside the document). The per-draft table goes to target/import-suite.md (docs/contract-format.md quotes it).
 */
class SchemaImportSuiteTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SUITE = Path.of("src/test/resources/json-schema-test-suite");
    /** Reasons a refusal may give: the construct has no faithful, self-contained 2020-12 form. */
    private static final List<String> ACCEPTED_REFUSALS = List.of("reaches outside this document",
            "is not draft-04, -06, -07, 2019-09 or 2020-12", "uses both contains and unevaluatedItems");

    @Test
    void convertWhenOfficialSuiteThenEveryInstanceKeepsItsVerdict() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<String> badRefusals = new ArrayList<>();
        StringBuilder table = new StringBuilder("| draft | schemas | converted | refused (remote $ref or meta-schema) | refused (other) | instances checked | same verdict |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        int totalChecked = 0;
        for (SchemaImport.Draft draft : List.of(SchemaImport.Draft.DRAFT_04, SchemaImport.Draft.DRAFT_06, SchemaImport.Draft.DRAFT_07,
                SchemaImport.Draft.DRAFT_2019_09)) {
            int schemas = 0;
            int converted = 0;
            int remote = 0;
            int other = 0;
            int checked = 0;
            int same = 0;
            for (Path file : files(SUITE.resolve(draft.label().replace("draft-0", "draft").replace("2019-09", "draft2019-09")))) {
                JsonNode groups = JSON.readTree(file.toFile());
                for (JsonNode group : groups) {
                    schemas++;
                    String where = draft.label() + "/" + file.getFileName() + " '" + group.path("description").asString() + "'";
                    SchemaImport.Result result;
                    try {
                        result = SchemaImport.convert(group.get("schema"), Optional.of(draft));
                    } catch (SchemaImportException e) {
                        boolean isRemote = e.problems().stream().allMatch(p -> p.description().contains(ACCEPTED_REFUSALS.get(0))
                                || p.description().contains(ACCEPTED_REFUSALS.get(1)));
                        if (isRemote) {
                            remote++;
                        } else {
                            other++;
                        }
                        if (!e.problems().stream().allMatch(p -> ACCEPTED_REFUSALS.stream().anyMatch(p.description()::contains))) {
                            badRefusals.add(where + ": " + e.problems());
                        }
                        continue;
                    }
                    converted++;
                    Schema schema = compile(result.schema());
                    for (JsonNode test : group.get("tests")) {
                        checked++;
                        boolean valid = schema.validate(test.get("data")).isEmpty();
                        if (valid == test.get("valid").asBoolean()) {
                            same++;
                        } else {
                            wrong.add(where + " / '" + test.path("description").asString() + "': suite says valid=" + test.get("valid")
                                    + ", converted schema says " + valid + "; converted: " + result.schema());
                        }
                    }
                }
            }
            totalChecked += checked;
            table.append(String.format("| %s | %d | %d | %d | %d | %d | %d |%n", draft.label(), schemas, converted, remote, other, checked, same));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/import-suite.md"), table + "\n" + String.join("\n", wrong) + "\n" + String.join("\n", badRefusals));
        System.out.println(table);
        wrong.forEach(w -> System.out.println("  WRONG " + w));
        badRefusals.forEach(w -> System.out.println("  REFUSED " + w));

        assertThat(totalChecked).as("instances checked").isGreaterThan(2_500);
        assertThat(badRefusals).as("refusals for constructs that do have a faithful form").isEmpty();
        assertThat(wrong).as("instances whose verdict the conversion changed").isEmpty();
    }

    /** networknt, 2020-12, format as an annotation (as the suite's required tests expect), nothing fetched. */
    private static Schema compile(JsonNode schema) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaCacheEnabled(false)
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        String id = schema.isObject() && schema.path("$id").isString() && schema.path("$id").stringValue().contains(":")
                ? schema.path("$id").stringValue() : "https://tokencontract.invalid/imported.json";
        Schema compiled = registry.getSchema(SchemaLocation.of(id), schema);
        compiled.initializeValidators();
        return compiled;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
