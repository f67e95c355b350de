package dev.tokencontract.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.suites.ConsumerSuite;
import dev.tokencontract.conformance.suites.Decision;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import org.junit.jupiter.api.Test;

/** The consumer test docs/conformance.md shows: an MCP server's build checks its own bearer check. */
class ConsumerSuiteDocsExampleTest {

    /** Stands in for the MCP server's own bearer check (here built on validator-lib, as a server would). */
    static final class BearerCheck {
        private final TokenValidator validator;

        BearerCheck(String trustedJwks, String issuer, String audience) throws Exception {
            validator = TokenValidator.builder()
                    .contract(Contracts.load("mcp-access-token@1.0.0"))
                    .keys(KeySource.jwks(trustedJwks))
                    .expectIssuer(issuer)
                    .expectAudience(audience)
                    .build();
        }

        boolean allows(String bearerToken) {
            return validator.validate(bearerToken).accepted();
        }
    }

    // --- docs/conformance.md sample begins ---
    static final SigningKeys KEYS = SigningKeys.generate(); // test keys for this run

    @Test
    void bearerCheckAcceptsEveryValidTokenAndRejectsEveryInvalidOne() throws Exception {
        Contract contract = Contracts.load("mcp-access-token@1.0.0");
        BearerCheck check =
                new BearerCheck(KEYS.publicJwks(), "https://login.example.test", "https://mcp.example.test/mcp");

        SuiteResult result = ConsumerSuite.builder()
                .contract(contract)
                .keys(KEYS)
                .issuer("https://login.example.test")
                .audience("https://mcp.example.test/mcp")
                .consumer(token -> check.allows(token) ? Decision.accepted("allowed") : Decision.rejected("refused"))
                .build()
                .run(SuiteSettings.defaults().withTries(20)); // -Dtokencontract.seed=S replays a run

        result.assertPassed(); // on failure: each failed property, its reason and shrunk counterexample
    }
    // --- docs/conformance.md sample ends ---

    @Test
    void sampleWhenCheckIgnoresExpiryThenAssertPassedNamesExpired() throws Exception {
        SuiteResult result = ConsumerSuite.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .keys(KEYS)
                .issuer("https://login.example.test")
                .audience("https://mcp.example.test/mcp")
                .consumer(token -> Decision.accepted("allows everything"))
                .build()
                .run(SuiteSettings.of(5, 1L));

        System.out.println(
                "REPORT-BEGIN\n" + result.report() + "REPORT-END"); // the failure shown in docs/conformance.md
        assertThat(result.passed()).isFalse();
        assertThat(result.report()).contains("FAILED consumer rejects expired", "shrunk counterexample: expired(exp)");
        org.assertj.core.api.Assertions.assertThatThrownBy(result::assertPassed)
                .hasMessageContaining("consumer rejects wrong-aud");
    }
}
