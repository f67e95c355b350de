package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertHasError;
import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.finding;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.ReportSize;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an anonymous sender can make the validator spend and write (issue 13, items 10 and 11). Time is
 * measured in {@code HostileTokenBenchmark}, never asserted here; these tests pin what makes the cost
 * linear: claims not read behind a failed signature, findings grouped and capped, values previewed.
 */
class ValidatorCostTest {

    /** The worst token: 27 KB, an all-zero signature, roles = the same value 10,000 times. */
    static String hostileToken() {
        TestTokens token = TestTokens.mcp();
        ArrayNode roles = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            roles.add(1);
        }
        token.claim("roles", roles);
        return token.signingInput() + "." + TestTokens.encode(new byte[256]);
    }

    @Test
    void validateWhenHostileTokenHasZeroSignatureThenRejectedWithoutReadingItsClaims() {
        String token = hostileToken();
        assertThat(token.length()).isBetween(27_000, TokenValidator.DEFAULT_MAX_TOKEN_CHARS);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
        assertThat(finding(report, FindingCode.CONTRACT_NOT_CHECKED).pointer()).isEqualTo("/claims");
        assertThat(report.findings(Stage.CONTRACT))
                .extracting(Finding::code)
                .containsOnly(FindingCode.CONTRACT_NOT_CHECKED);
        assertThat(report.decoded().orElseThrow().claims())
                .as("claims of a forged token are not even decoded")
                .isEmpty();
        assertThat(report.findings()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void validateWhenDiagnosingHostileTokenThenEveryRuleListedOnceWithCountAndReportSmall() {
        ValidationReport report = judge(Judge.diagnosing(), hostileToken());

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
        Finding types = finding(report, FindingCode.CLAIM_TYPE_MISMATCH);
        assertThat(types.pointer()).isEqualTo("/claims/roles/0");
        assertThat(types.message()).contains("10,000 places break this rule");
        Finding duplicates = finding(report, FindingCode.CLAIM_INVALID);
        assertThat(duplicates.message()).contains("9,999 places break this rule");
        assertThat(duplicates.actual())
                .startsWith("array of 10000 items [1, 1, 1")
                .hasSizeLessThan(200);
        assertThat(report.findings()).hasSizeLessThan(12);
        assertThat(ReportSize.bytes(report)).isLessThan(8 * 1024);
    }

    @Test
    void validateWhenSignedTokenHas6000TypeViolationsInOneArrayThenOneFindingCountsThem() {
        TestTokens token = TestTokens.mcp();
        ArrayNode roles = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 6_000; i++) {
            roles.add(i % 10);
        }
        ValidationReport report =
                judge(Judge.mcpWithJwks(), token.claim("roles", roles).signRsa());

        assertRejected(report, FindingCode.CLAIM_TYPE_MISMATCH, "/claims/roles/0");
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
        assertThat(finding(report, FindingCode.CLAIM_TYPE_MISMATCH).message()).contains("6,000 places break this rule");
        assertThat(report.findings(Stage.CONTRACT))
                .filteredOn(f -> f.code() == FindingCode.CLAIM_TYPE_MISMATCH)
                .hasSize(1);
        assertThat(ReportSize.bytes(report)).isLessThan(8 * 1024);
    }

    @Test
    void validateWhenThousandsOfDistinctClaimsBreakRulesThenFiftyListedAndTheRestCounted() throws Exception {
        ObjectNode document = TestContracts.bundled("mcp-access-token", "1.0.0");
        document.set("additionalProperties", TestContracts.object("{\"type\": \"string\"}"));
        Contract open = Contracts.parse(document.toString());
        TestTokens token = TestTokens.mcp();
        for (int i = 0; i < 1_500; i++) {
            token.claim("x" + i, i);
        }
        ValidationReport report = judge(Judge.validator(open, KeySource.jwks(TestKeys.publicJwks())), token.signRsa());

        assertHasError(report, FindingCode.CLAIM_TYPE_MISMATCH, "/claims/x0");
        assertThat(report.findings(Stage.CONTRACT))
                .filteredOn(f -> f.code() == FindingCode.CLAIM_TYPE_MISMATCH)
                .hasSize(50);
        assertThat(finding(report, FindingCode.CONTRACT_FINDINGS_CAPPED).message())
                .contains("1,450 more violation(s)")
                .contains("1,500 in all");
        assertThat(ReportSize.bytes(report)).isLessThanOrEqualTo(ReportSize.MAX_BYTES);
    }

    @Test
    void validateWhenClaimNamesAreHugeAndNonAsciiThenReportStaysUnder64KiB() throws Exception {
        ObjectNode document = TestContracts.bundled("mcp-access-token", "1.0.0");
        document.put("additionalProperties", false);
        Contract closed = Contracts.parse(document.toString());
        TestTokens token = TestTokens.mcp();
        for (int i = 0; i < 6; i++) {
            token.claim("\u00e9".repeat(900) + i, "\u00e9".repeat(900));
        }
        String signed = token.signRsa();
        assertThat(signed.length()).isLessThan(TokenValidator.DEFAULT_MAX_TOKEN_CHARS);

        ValidationReport report = judge(Judge.validator(closed, KeySource.jwks(TestKeys.publicJwks())), signed);

        assertThat(report.findings(Stage.CONTRACT))
                .filteredOn(f -> f.code() == FindingCode.CLAIM_NOT_ALLOWED)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.pointer().length()).isLessThanOrEqualTo(201));
        assertThat(ReportSize.bytes(report)).isLessThanOrEqualTo(ReportSize.MAX_BYTES);
    }

    @Test
    void validateWhenConformingTokenHas10000ScopeValuesThenAccepted() {
        StringBuilder scope = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            scope.append(i == 0 ? "" : " ").append((char) ('a' + i % 26));
        }
        String token = TestTokens.mcp().claim("scope", scope.toString()).signRsa();
        assertThat(token.length()).isLessThan(TokenValidator.DEFAULT_MAX_TOKEN_CHARS);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertThat(report.verdict())
                .as("findings: %s", report.findings())
                .isEqualTo(dev.tokencontract.finding.Verdict.ACCEPTED);
    }

    @Test
    void validateWhenLintCleanPatternMeetsLongClaimThenOrdinaryFindingNotContractUnavailable() throws Exception {
        ObjectNode document = TestContracts.minimal();
        ((ObjectNode) document.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", "^(?:a|b)+$");
        Contract contract = Contracts.parse(document.toString());
        String tenant = "ab".repeat(10_000) + "c";
        String token = TestTokens.mcp().claim("tenant_id", tenant).signRsa();

        ValidationReport report = judge(Judge.validator(contract, KeySource.jwks(TestKeys.publicJwks())), token);

        assertRejected(report, FindingCode.CLAIM_PATTERN_MISMATCH, "/claims/tenant_id");
        assertThat(report.has(FindingCode.CONTRACT_UNAVAILABLE)).isFalse();
    }

    @Test
    void validateWhenKeysUnavailableThenClaimsStillJudgedForTime() throws Exception {
        TokenValidator noKey = Judge.validator(Contracts.load("mcp-access-token@1.0.0"), KeySource.none());

        ValidationReport report = judge(
                noKey, TestTokens.mcp().claim("exp", 1L).claim("roles", "admin").signRsa());

        assertRejected(report, FindingCode.TOKEN_EXPIRED, "/claims/exp");
        assertHasError(report, FindingCode.CLAIM_TYPE_MISMATCH, "/claims/roles"); // KeySource.none() diagnoses
    }

    @Test
    void buildWhenBothContractSettingsChosenThenRefused() throws Exception {
        TokenValidator.Builder builder = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .keys(KeySource.jwks(TestKeys.publicJwks()))
                .ignoreIssuer()
                .ignoreAudience()
                .skipContractUnlessSignatureVerified()
                .checkContractEvenIfSignatureFails();

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contradictory");
    }
}
