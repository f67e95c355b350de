package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SpecificationVersion;
import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.contract.SchemaImport;
import dev.tokencontract.testing.BackwrittenSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The generator on 2019-09 schemas: the shared 2020-12 JSON-Schema-Test-Suite's schemas written back into
 * draft 2019-09 ({@link BackwrittenSuite}), each satisfiable schema generated from (through the import to
 * 2020-12) and every instance judged by networknt's own 2019-09 dialect on the back-written ORIGINAL schema, so
 * a conversion error would show here too.
 */
class Draft201909SuiteSoundnessTest {
    private static final int INSTANCES = 10;

    @Test
    void generatedInstancesWhen2019_09SchemaThenEveryOneValidUnderTheOriginal() {
        Path remotes = Path.of(System.getProperty("tokencontract.fixtures", "../../shared/fixtures"))
                .resolve("json-schema-test-suite/remotes")
                .toAbsolutePath()
                .normalize();
        List<String> unsound = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        int schemas = 0;
        int supported = 0;
        for (BackwrittenSuite.Case c :
                BackwrittenSuite.of(SchemaImport.Draft.DRAFT_2019_09).cases()) {
            if (c.instances().stream().noneMatch(BackwrittenSuite.Instance::valid)) {
                continue;
            }
            schemas++;
            String where = c.where();
            JsonNode schema = c.schema();
            InstanceCheck judge;
            SchemaInstances generator;
            try {
                judge = SuiteValidator.compile(schema, false, remotes, SpecificationVersion.DRAFT_2019_09);
                generator = SchemaInstances.of(schema, judge);
            } catch (RuntimeException e) {
                unsupported.add(where + ": " + e.getMessage());
                continue;
            }
            boolean allGenerated = generator.issues().isEmpty();
            for (int i = 0; i < INSTANCES; i++) {
                try {
                    JsonNode instance = Choices.random(c.file().hashCode() * 1_000L + c.group() * 100L + i)
                            .draw(generator.valid());
                    List<String> violations = judge.violations(instance);
                    if (!violations.isEmpty()) {
                        unsound.add(where + ": " + instance + " " + violations);
                    }
                } catch (Rejected e) {
                    allGenerated = false;
                }
            }
            if (allGenerated) {
                supported++;
            } else {
                unsupported.add(where + ": could not generate every instance, or issues " + generator.issues());
            }
        }
        System.out.printf(
                "2019-09 suite: %d satisfiable schemas, %d fully supported (%.1f%%)%n",
                schemas, supported, 100.0 * supported / schemas);
        unsupported.forEach(u -> System.out.println("  not fully supported: " + u));

        assertThat(unsound).as("instances the original 2019-09 schema rejects").isEmpty();
        assertThat(schemas).isGreaterThan(250);
        assertThat((double) supported / schemas).as("fully supported fraction").isGreaterThanOrEqualTo(0.95);
    }
}
