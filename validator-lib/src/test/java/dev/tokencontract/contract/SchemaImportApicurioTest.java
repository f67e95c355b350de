package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tokencontract.testing.FixtureFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-world schemas nobody here wrote: the 290 schemas of Apicurio Registry's JSON Schema compatibility cases
 * (../shared/fixtures/compat/apicurio, mostly draft-07). Each converts (or is refused only for a reference
 * outside its document), and networknt judging the original as draft-07 agrees with networknt judging the
 * conversion as 2020-12 on every instance the cases' two schemas of a pair give each other (the other
 * schema's const/enum/examples/default values and a few probes), with {@code format} asserted in both. Where
 * networknt asserts draft-07's optional {@code contentEncoding} the difference is counted, not failed: draft-07
 * lets a validator treat it as an annotation, 2020-12 requires that, and contracts follow 2020-12.
 */
class SchemaImportApicurioTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PROBES = List.of(
            "null",
            "true",
            "0",
            "1.5",
            "-7",
            "\"\"",
            "\"a\"",
            "\"2020-01-01\"",
            "[]",
            "[1, \"a\"]",
            "{}",
            "{\"a\": 1}",
            "{\"name\": \"x\", \"age\": 3}");

    @Test
    void convertWhenApicurioSchemasThenEveryOneConvertsAndKeepsItsVerdicts() {
        JsonNode cases = JSON.readTree(FixtureFiles.text("compat/apicurio/compatibility-test-data.json"))
                .get("tests");
        List<String> refused = new ArrayList<>();
        List<String> disagree = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int contentAssertions = 0;
        int converted = 0;
        int judged = 0;
        for (JsonNode testCase : cases) {
            List<JsonNode> instances = new ArrayList<>();
            PROBES.forEach(p -> instances.add(JSON.readTree(p)));
            for (String side : List.of("original", "updated")) {
                testCase.get(side).findValues("const").forEach(instances::add);
                testCase.get(side).findValues("default").forEach(instances::add);
                testCase.get(side).findValues("enum").forEach(e -> e.forEach(instances::add));
                testCase.get(side).findValues("examples").forEach(e -> e.forEach(instances::add));
            }
            for (String side : List.of("original", "updated")) {
                JsonNode schema = testCase.get(side);
                String where = testCase.path("id").asString() + " / " + side;
                SchemaImport.Result result;
                try {
                    result = SchemaImport.convert(schema, Optional.of(SchemaImport.Draft.DRAFT_07));
                } catch (SchemaImportException e) {
                    refused.add(where + ": " + e.problems());
                    continue;
                }
                converted++;
                Schema original;
                try {
                    original = compile(schema, SpecificationVersion.DRAFT_7);
                } catch (RuntimeException e) {
                    unreadable.add(where + ": " + e.getMessage());
                    continue; // networknt cannot read the original; its conversion is still checked above
                }
                Schema conversion = compile(result.schema(), SpecificationVersion.DRAFT_2020_12);
                for (JsonNode instance : instances) {
                    judged++;
                    boolean originalValid = original.validate(instance).isEmpty();
                    boolean conversionValid = conversion.validate(instance).isEmpty();
                    if (originalValid != conversionValid
                            && !originalValid
                            && !schema.findValues("contentEncoding").isEmpty()) {
                        contentAssertions++; // networknt asserts draft-07's optional contentEncoding; 2020-12 never
                        // does
                    } else if (originalValid != conversionValid) {
                        disagree.add(where + " on " + instance);
                    }
                }
            }
        }
        System.out.println("apicurio: " + converted + " converted, " + refused.size() + " refused, " + judged
                + " verdicts compared, " + disagree.size() + " differ, " + contentAssertions
                + " only by networknt asserting draft-07 contentEncoding");
        refused.forEach(r -> System.out.println("  refused " + r));
        unreadable.forEach(r -> System.out.println("  networknt cannot compile the original " + r));
        disagree.forEach(d -> System.out.println("  DIFFER " + d));

        assertThat(converted).isGreaterThan(250);
        assertThat(refused).allMatch(r -> r.contains("reaches outside this document"));
        assertThat(disagree).isEmpty();
    }

    private static Schema compile(JsonNode schema, SpecificationVersion version) {
        // format asserted in both: networknt asserts it for draft-07 by default, and contracts assert it in 2020-12
        com.networknt.schema.SchemaRegistryConfig config = com.networknt.schema.SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                version,
                b -> b.schemaCacheEnabled(false)
                        .schemaRegistryConfig(config)
                        .schemaLoader(l -> l.fetchRemoteResources(false)));
        Schema compiled = registry.getSchema(SchemaLocation.of("https://tokencontract.invalid/apicurio.json"), schema);
        compiled.initializeValidators();
        return compiled;
    }
}
