package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SpecificationVersion;
import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.contract.SchemaImport;
import dev.tokencontract.contract.SchemaImportException;
import dev.tokencontract.testing.BackwrittenSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Differential check of the older-draft import beyond the suite's own labels. The originals are the shared 2020-12
 * JSON-Schema-Test-Suite's schemas written back into draft-04, -06, -07 and 2019-09 ({@link BackwrittenSuite};
 * SchemaImportSuiteTest proves each back-written schema keeps the suite's verdicts). networknt judging the ORIGINAL
 * in its own draft and networknt judging the CONVERTED schema as 2020-12 must give the same verdict on every
 * instance of a pool: the suite's test data of every schema in the file (mostly invalid for the other schemas)
 * plus raw generated candidates for each schema. Each schema of a file is judged on the whole file's pool. The one documented exception: draft-04's lexical integer (see below).
 */
class ImportDifferentialTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<SchemaImport.Draft, SpecificationVersion> VERSIONS = Map.of(
            SchemaImport.Draft.DRAFT_04,
            SpecificationVersion.DRAFT_4,
            SchemaImport.Draft.DRAFT_06,
            SpecificationVersion.DRAFT_6,
            SchemaImport.Draft.DRAFT_07,
            SpecificationVersion.DRAFT_7,
            SchemaImport.Draft.DRAFT_2019_09,
            SpecificationVersion.DRAFT_2019_09);
    private static final int CANDIDATES = 5;

    private record Pair(String where, InstanceCheck original, InstanceCheck converted) {}

    @Test
    void importWhenOriginalAndConvertedJudgedByTheirOwnDialectsThenSameVerdictOnEveryPooledInstance() {
        Path remotes = Path.of(System.getProperty("tokencontract.fixtures", "../../shared/fixtures"))
                .resolve("json-schema-test-suite/remotes")
                .toAbsolutePath()
                .normalize();
        List<String> disagreements = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long judged = 0;
        for (SchemaImport.Draft draft : VERSIONS.keySet().stream().sorted().toList()) {
            Map<String, List<BackwrittenSuite.Case>> byFile = new TreeMap<>();
            BackwrittenSuite.of(draft)
                    .cases()
                    .forEach(c -> byFile.computeIfAbsent(c.file(), f -> new ArrayList<>())
                            .add(c));
            for (List<BackwrittenSuite.Case> file : byFile.values()) {
                List<Pair> pairs = new ArrayList<>();
                List<JsonNode> pool = new ArrayList<>();
                for (BackwrittenSuite.Case c : file) {
                    c.instances().forEach(i -> pool.add(i.data()));
                    JsonNode schema = c.schema();
                    Pair pair;
                    try {
                        JsonNode converted =
                                SchemaImport.convert(schema, Optional.of(draft)).schema();
                        pair = new Pair(
                                draft.label() + " " + c.where(),
                                SuiteValidator.compile(schema, false, remotes, VERSIONS.get(draft)),
                                SuiteValidator.compile(converted, false, remotes, SpecificationVersion.DRAFT_2020_12));
                    } catch (SchemaImportException | RuntimeException e) {
                        refused.add(draft.label() + " " + c.where() + ": " + e.getMessage());
                        continue;
                    }
                    pairs.add(pair);
                    addCandidates(schema, pair.original(), c.group(), pool);
                }
                for (Pair pair : pairs) {
                    for (JsonNode instance : pool) {
                        judged++;
                        boolean original = pair.original().violations(instance).isEmpty();
                        boolean converted =
                                pair.converted().violations(instance).isEmpty();
                        if (original != converted
                                && draft == SchemaImport.Draft.DRAFT_04
                                && writtenWithFraction(instance)) {
                            documented.add(pair.where() + " on " + instance);
                        } else if (original != converted) {
                            disagreements.add(pair.where() + " on " + instance + ": original " + original
                                    + ", converted " + converted);
                        }
                    }
                }
            }
        }
        System.out.println("import differential: " + judged + " (schema, instance) verdicts compared, "
                + disagreements.size() + " disagree");
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        refused.forEach(d -> System.out.println("  REFUSED " + d));
        documented.forEach(d -> System.out.println("  documented (draft-04 integer is lexical) " + d));

        assertThat(judged).isGreaterThan(50_000);
        assertThat(refused)
                .as("back-written schemas the import or networknt could not read")
                .isEmpty();
        assertThat(disagreements).isEmpty();
    }

    /**
     * The one difference no rewrite removes (docs/cli.md#import): draft-04 calls a number written with a fraction
     * or exponent ({@code 1.0}, {@code 1e308}) not an integer; draft-06 and later judge the value, so it is one.
     */
    private static boolean writtenWithFraction(JsonNode instance) {
        return instance.isNumber() && !instance.isIntegralNumber();
    }

    private static void addCandidates(JsonNode schema, InstanceCheck judge, int g, List<JsonNode> pool) {
        try {
            SchemaInstances generator = SchemaInstances.of(schema, judge);
            for (int i = 0; i < CANDIDATES; i++) {
                try {
                    pool.add(Choices.random(g * 100L + i).draw(generator.candidates()));
                } catch (Rejected e) {
                    // nothing drawn this time
                }
            }
        } catch (RuntimeException e) {
            // the generator cannot read this schema; the suite's data still goes in the pool
        }
    }
}
