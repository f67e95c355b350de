package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.testing.HostilePatterns;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile contracts through lint (issue 13): seeded hostile patterns and structural edits of the bundled
 * contract. Lint never throws; a contract lint lets through never makes a validator throw, hang or answer
 * "could not check" on a hostile claim. Reproduce with {@code -Dfuzz.seed=<seed>}.
 */
class ContractLintFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x13_F022L);

    @Test
    void lintWhenHostilePatternsThenNeverThrowsAndWhatPassesMatchesHostileClaimsQuickly() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        String claim = "a".repeat(8_000) + "\u00e9 !";
        int passed = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int accepted = 0;
            for (int i = 0; i < 600; i++) {
                String pattern = HostilePatterns.next(random);
                ObjectNode document = TestContracts.minimal();
                ((ObjectNode) document.path("properties"))
                        .putObject("tenant_id")
                        .put("type", "string")
                        .put("pattern", pattern);
                LintReport report;
                try {
                    report = Contracts.lint(document.toString());
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add("lint threw " + e + " for " + pattern);
                    continue;
                }
                if (!report.passed()) {
                    continue;
                }
                accepted++;
                TokenValidator validator =
                        Judge.validator(report.contract().orElseThrow(), KeySource.jwks(TestKeys.publicJwks()));
                var result = validator.validate(
                        TestTokens.mcp().claim("tenant_id", claim).signRsa(), TestTokens.JUDGED_AT);
                if (result.findings().stream().anyMatch(Finding::meansUnchecked)) {
                    failures.add("could not check a claim against " + pattern + ": " + result.findings());
                }
            }
            return accepted;
        });
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(passed)
                .as("some generated patterns are harmless and pass lint")
                .isPositive();
    }

    @Test
    void lintWhenBundledContractStructurallyMutatedThenNeverThrows() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        JsonNode[] hostile = {
            TestContracts.object("{\"type\": 5}"),
            TestContracts.object("{\"$ref\": \"#/properties/aud\"}"),
            TestContracts.object("{\"pattern\": \"(a|aa)+\"}"),
            TestContracts.object("{\"minItems\": 1e308}"),
            TestContracts.object("{\"$ref\": \"https://attacker.example/x\"}"),
            TestContracts.object("{\"required\": [\"nope\"]}"),
            TestContracts.object("{\"items\": {\"items\": {\"items\": {\"not\": {}}}}}")
        };
        for (int i = 0; i < 400; i++) {
            ObjectNode document = TestContracts.bundled("mcp-access-token", "1.0.0");
            ObjectNode target = random.nextBoolean() ? (ObjectNode) document.path("properties") : document;
            List<String> names = new ArrayList<>(target.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(3) == 0) {
                target.remove(name);
            } else {
                target.set(name, hostile[random.nextInt(hostile.length)]);
            }
            try {
                Contracts.lint(document.toString());
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("lint threw " + e + " after editing " + name);
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }
}
