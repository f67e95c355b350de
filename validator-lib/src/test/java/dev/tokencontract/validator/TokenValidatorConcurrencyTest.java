package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator shared by many threads gives every thread the same answers as a single thread. */
class TokenValidatorConcurrencyTest {

    @Test
    void validateWhenSharedAcrossThreadsThenEveryVerdictAndFindingAsSingleThreaded() throws Exception {
        TokenValidator validator = TokenValidatorTest.mcpValidator();
        List<String> tokens = List.of(
                TestTokens.mcp().signRsa(),
                TestTokens.mcp()
                        .claim("exp", TestTokens.JUDGED_AT.getEpochSecond() - 3600)
                        .signRsa(),
                TestTokens.mcp().without("tenant_id").claim("roles", "admin").signRsa(),
                TestTokens.mcp().header("alg", "none").unsigned(),
                TestTokens.mcp().claim("aud", "https://other.example.test").signRsa());
        List<List<FindingCode>> expected = new ArrayList<>();
        for (String token : tokens) {
            expected.add(codes(validator.validate(token)));
        }
        assertThat(expected.get(0)).containsExactly(FindingCode.SIGNATURE_VERIFIED);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                Callable<Integer> worker = () -> {
                    int mismatches = 0;
                    for (int i = 0; i < 400; i++) {
                        int which = (i + offset) % tokens.size();
                        if (!codes(validator.validate(tokens.get(which))).equals(expected.get(which))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                };
                results.add(pool.submit(worker));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get())
                        .as("validations that differed from the single-threaded answer")
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<FindingCode> codes(ValidationReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }
}
