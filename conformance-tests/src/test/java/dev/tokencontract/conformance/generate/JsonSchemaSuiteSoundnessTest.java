package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Soundness of the schema generators against the JSON-Schema-Test-Suite (draft 2020-12). For every schema
 * the suite shows to be satisfiable (some test has {@code valid: true}), generate instances and validate each
 * with a separately compiled networknt validator. A schema is fully supported when every instance was
 * produced and validated and the generator reported no issue for it.
 *
 * <p>Instances per schema: {@code -Dtokencontract.soundness.instances} (CI default 20; the published
 * measurement in docs/conformance.md uses 100). Writes the table to target/soundness.md.
 */
class JsonSchemaSuiteSoundnessTest {
    /** Published total with 100 instances per schema, minus a small margin; a regression fails CI. */
    private static final double FLOOR = 0.97;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void generatedInstancesWhenValidatedThenEveryOneValidAndRateAtLeastPublished() throws IOException {
        Path fixtures = Path.of(System.getProperty("tokencontract.fixtures", "../../shared/fixtures"));
        Path suite = fixtures.resolve("json-schema-test-suite/tests/draft2020-12");
        Path remotes = fixtures.resolve("json-schema-test-suite/remotes")
                .toAbsolutePath()
                .normalize();
        int instances = Integer.getInteger("tokencontract.soundness.instances", 20);

        Map<String, FileResult> results = new TreeMap<>();
        List<String> unsound = new ArrayList<>();
        List<String> notSupported = new ArrayList<>();
        for (Path file : suiteFiles(suite)) {
            String name = suite.relativize(file).toString();
            boolean formatAssertions = name.startsWith("optional/format/");
            FileResult result = new FileResult();
            JsonNode groups = JSON.readTree(file.toFile());
            for (int g = 0; g < groups.size(); g++) {
                JsonNode group = groups.get(g);
                if (!satisfiable(group)) {
                    continue;
                }
                String where =
                        name + " #" + g + " (" + group.path("description").asString() + ")";
                JsonNode schema = group.get("schema");
                SchemaOutcome outcome =
                        measure(schema, formatAssertions, remotes, instances, name.hashCode() * 31L + g);
                result.schemas++;
                if (outcome.invalidInstance != null) {
                    unsound.add(where + ": " + outcome.invalidInstance);
                }
                if (outcome.problem == null) {
                    result.supported++;
                } else {
                    notSupported.add(where + ": " + outcome.problem);
                }
                result.candidates += outcome.candidates;
                result.validCandidates += outcome.validCandidates;
            }
            if (result.schemas > 0) {
                results.put(name, result);
            }
        }
        String table = table(results, instances);
        Path out = Path.of("target/soundness.md");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                table + "\nNot fully supported:\n\n"
                        + String.join(
                                "\n", notSupported.stream().map(s -> "- " + s).toList()) + "\n");
        System.out.println(table);
        notSupported.forEach(line -> System.out.println("  not fully supported: " + line));

        assertThat(unsound)
                .as("instances the generator returned but networknt rejects")
                .isEmpty();
        int schemas = results.values().stream().mapToInt(r -> r.schemas).sum();
        int supported = results.values().stream().mapToInt(r -> r.supported).sum();
        assertThat(schemas).as("satisfiable schemas found in the suite").isGreaterThan(350);
        assertThat((double) supported / schemas).as("fully supported fraction").isGreaterThanOrEqualTo(FLOOR);
    }

    private static SchemaOutcome measure(
            JsonNode schema, boolean formatAssertions, Path remotes, int instances, long seed) {
        SchemaOutcome outcome = new SchemaOutcome();
        SchemaInstances generator;
        InstanceCheck judge;
        try {
            generator = SchemaInstances.of(schema, SuiteValidator.compile(schema, formatAssertions, remotes))
                    .withDocuments(SuiteValidator.documents(remotes));
            judge = SuiteValidator.compile(schema, formatAssertions, remotes);
        } catch (RuntimeException e) {
            outcome.problem = "validator could not compile the schema: " + e;
            return outcome;
        }
        if (!generator.issues().isEmpty()) {
            outcome.problem = "issues " + generator.issues();
        }
        for (int i = 0; i < instances; i++) {
            Choices raw = Choices.random(seed * 1_000 + i);
            try {
                JsonNode candidate = raw.draw(generator.candidates());
                outcome.candidates++;
                if (judge.violations(candidate).isEmpty()) {
                    outcome.validCandidates++;
                }
            } catch (Rejected e) {
                outcome.candidates++;
            }
            JsonNode instance;
            try {
                instance = Choices.random(seed * 1_000 + i).draw(generator.valid());
            } catch (Rejected e) {
                outcome.problem = outcome.problem == null ? "could not generate: " + e.getMessage() : outcome.problem;
                continue;
            }
            List<String> violations = judge.violations(instance);
            if (!violations.isEmpty()) {
                outcome.invalidInstance = instance + " " + violations;
                outcome.problem = "generated an invalid instance";
            }
        }
        return outcome;
    }

    private static boolean satisfiable(JsonNode group) {
        for (JsonNode test : group.path("tests")) {
            if (test.path("valid").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> suiteFiles(Path suite) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(suite)) {
            top.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> format = Files.list(suite.resolve("optional/format"))) {
            format.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }

    private static String table(Map<String, FileResult> results, int instances) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| keyword file | satisfiable schemas | fully supported | rate | valid candidates before the filter |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        int schemas = 0;
        int supported = 0;
        long candidates = 0;
        long valid = 0;
        for (Map.Entry<String, FileResult> entry : results.entrySet()) {
            FileResult r = entry.getValue();
            out.append(String.format(
                    "| %s | %d | %d | %.1f%% | %.1f%% |%n",
                    entry.getKey().replace(".json", ""),
                    r.schemas,
                    r.supported,
                    100.0 * r.supported / r.schemas,
                    r.candidates == 0 ? 0 : 100.0 * r.validCandidates / r.candidates));
            schemas += r.schemas;
            supported += r.supported;
            candidates += r.candidates;
            valid += r.validCandidates;
        }
        out.append(String.format(
                "| **total** (%d instances per schema) | %d | %d | **%.1f%%** | %.1f%% |%n",
                instances,
                schemas,
                supported,
                100.0 * supported / schemas,
                candidates == 0 ? 0 : 100.0 * valid / candidates));
        return out.toString();
    }

    private static final class FileResult {
        int schemas;
        int supported;
        long candidates;
        long validCandidates;
    }

    private static final class SchemaOutcome {
        String problem;
        String invalidInstance;
        long candidates;
        long validCandidates;
    }
}
