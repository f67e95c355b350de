package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SpecificationVersion;
import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator on 2019-09 schemas: the JSON-Schema-Test-Suite's draft 2019-09 required tests (vendored in
 * validator-lib), each satisfiable schema generated from (through the import to 2020-12) and every instance
 * judged by networknt's own 2019-09 dialect on the ORIGINAL schema, so a conversion error would show here too.
 */
class Draft201909SuiteSoundnessTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SUITE = Path.of("../validator-lib/src/test/resources/json-schema-test-suite/draft2019-09");
    private static final int INSTANCES = 10;

    @Test
    void generatedInstancesWhen2019_09SchemaThenEveryOneValidUnderTheOriginal() throws IOException {
        Path remotes = Path.of(System.getProperty("tokencontract.fixtures", "../../shared/fixtures"))
                .resolve("json-schema-test-suite/remotes").toAbsolutePath().normalize();
        List<String> unsound = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        int schemas = 0;
        int supported = 0;
        for (Path file : files()) {
            JsonNode groups = JSON.readTree(file.toFile());
            for (int g = 0; g < groups.size(); g++) {
                JsonNode group = groups.get(g);
                if (group.get("tests").valueStream().noneMatch(t -> t.path("valid").asBoolean(false))) {
                    continue;
                }
                schemas++;
                String where = file.getFileName() + " #" + g + " (" + group.path("description").asString() + ")";
                JsonNode schema = group.get("schema");
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
                        JsonNode instance = Choices.random(file.getFileName().hashCode() * 1_000L + g * 100L + i).draw(generator.valid());
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
        }
        System.out.printf("2019-09 suite: %d satisfiable schemas, %d fully supported (%.1f%%)%n", schemas, supported, 100.0 * supported / schemas);
        unsupported.forEach(u -> System.out.println("  not fully supported: " + u));

        assertThat(unsound).as("instances the original 2019-09 schema rejects").isEmpty();
        assertThat(schemas).isGreaterThan(250);
        assertThat((double) supported / schemas).as("fully supported fraction").isGreaterThanOrEqualTo(0.85);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(SUITE)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
