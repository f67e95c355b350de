package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestTokens;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Correctly signed tokens whose claims are wrong: bad times, wrong issuer or audience, broken contract. */
class HostileClaimsTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long NOW = TestTokens.JUDGED_AT.getEpochSecond();

    static Stream<Arguments> malformedExp() {
        return Stream.of(
                Arguments.of("string", JSON.stringNode("1795654800")),
                Arguments.of("float", JSON.numberNode(1795654800.5)),
                Arguments.of("1e308", JSON.numberNode(1e308)),
                Arguments.of("1e400 (beyond double)", JSON.numberNode(new BigDecimal("1E+400"))),
                Arguments.of("integer beyond long", JSON.numberNode(new BigInteger("99999999999999999999999"))),
                Arguments.of("year 10000", JSON.numberNode(253_402_300_800L)),
                Arguments.of("negative", JSON.numberNode(-1L)),
                Arguments.of("null", JSON.nullNode()),
                Arguments.of("boolean", JSON.booleanNode(true)),
                Arguments.of("array", JSON.arrayNode().add(1795654800L)));
    }

    @ParameterizedTest(name = "exp as {0}")
    @MethodSource("malformedExp")
    void validateWhenExpNotAnIntegerNumericDateThenTimeClaimMalformed(String label, JsonNode exp) {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().claim("exp", exp).signRsa());

        assertRejected(report, FindingCode.TIME_CLAIM_MALFORMED, "/claims/exp");
        assertThat(report.has(FindingCode.TOKEN_EXPIRED)).isFalse();
    }

    @Test
    void validateWhenExpMissingThenExpMissing() {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().without("exp").signRsa());

        assertRejected(report, FindingCode.EXP_MISSING, "/claims/exp");
    }

    @Test
    void validateWhenExpiredThenTokenExpired() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(), TestTokens.mcp().claim("exp", NOW - 3600).signRsa());

        assertRejected(report, FindingCode.TOKEN_EXPIRED, "/claims/exp");
        assertThat(Judge.finding(report, FindingCode.TOKEN_EXPIRED).message()).contains("1 h");
    }

    @Test
    void validateWhenExpiredBeyondDefaultLeewayThenTokenExpired() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(), TestTokens.mcp().claim("exp", NOW - 60).signRsa());

        assertRejected(report, FindingCode.TOKEN_EXPIRED, "/claims/exp");
    }

    @Test
    void validateWhenExpiredWithinDefaultLeewayThenAccepted() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(), TestTokens.mcp().claim("exp", NOW - 59).signRsa());

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenNotYetValidThenTokenNotYetValid() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(), TestTokens.mcp().claim("nbf", NOW + 3600).signRsa());

        assertRejected(report, FindingCode.TOKEN_NOT_YET_VALID, "/claims/nbf");
    }

    @Test
    void validateWhenIssuedInFutureThenIssuedInFuture() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(), TestTokens.mcp().claim("iat", NOW + 3600).signRsa());

        assertRejected(report, FindingCode.ISSUED_IN_FUTURE, "/claims/iat");
    }

    @Test
    void validateWhenLifetimeLongerThanContractAllowsThenLifetimeTooLong() {
        String token = TestTokens.mcp().claim("exp", NOW + 30L * 24 * 3600).signRsa();

        assertRejected(judge(Judge.mcpWithJwks(), token), FindingCode.LIFETIME_TOO_LONG, "/claims/exp");
    }

    @Test
    void validateWhenAudienceNamesAnotherServerThenAudMismatch() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().claim("aud", "https://other.example.test/mcp").signRsa());

        assertRejected(report, FindingCode.AUD_MISMATCH, "/claims/aud");
    }

    @Test
    void validateWhenAudienceMissingThenAudMissing() {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().without("aud").signRsa());

        assertRejected(report, FindingCode.AUD_MISSING, "/claims/aud");
    }

    @Test
    void validateWhenAudienceIsEmptyArrayThenAudMissing() {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().claimArray("aud").signRsa());

        assertRejected(report, FindingCode.AUD_MISSING, "/claims/aud");
    }

    @Test
    void validateWhenAudienceHasTrailingSlashThenAudMismatchSaysSo() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().claim("aud", TestTokens.AUDIENCE + "/").signRsa());

        assertRejected(report, FindingCode.AUD_MISMATCH, "/claims/aud");
        assertThat(Judge.finding(report, FindingCode.AUD_MISMATCH).message()).contains("trailing slash");
    }

    @Test
    void validateWhenAudienceIsArrayOfNonStringsThenAudMismatch() {
        JsonNode aud = JSON.arrayNode()
                .add(JSON.objectNode().put("value", TestTokens.AUDIENCE))
                .add(1);

        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().claim("aud", aud).signRsa());

        assertRejected(report, FindingCode.AUD_MISMATCH, "/claims/aud");
    }

    @Test
    void validateWhenIssuerHasTrailingSlashThenIssMismatchSaysSo() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().claim("iss", TestTokens.ISSUER + "/").signRsa());

        assertRejected(report, FindingCode.ISS_MISMATCH, "/claims/iss");
        assertThat(Judge.finding(report, FindingCode.ISS_MISMATCH).message()).contains("trailing slash");
    }

    @Test
    void validateWhenIssuerDiffersInCaseThenIssMismatch() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().claim("iss", "https://LOGIN.example.test").signRsa());

        assertRejected(report, FindingCode.ISS_MISMATCH, "/claims/iss");
    }

    @Test
    void validateWhenIssuerIsArrayContainingExpectedThenIssMismatch() {
        JsonNode iss = JSON.arrayNode().add(TestTokens.ISSUER);

        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().claim("iss", iss).signRsa());

        assertRejected(report, FindingCode.ISS_MISMATCH, "/claims/iss");
    }

    @Test
    void validateWhenIssuerMissingThenIssMissing() {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().without("iss").signRsa());

        assertRejected(report, FindingCode.ISS_MISSING, "/claims/iss");
    }

    @Test
    void validateWhenTenantIdCarriesPathTextThenClaimPatternMismatch() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().claim("tenant_id", "acme/../victim").signRsa());

        assertRejected(report, FindingCode.CLAIM_PATTERN_MISMATCH, "/claims/tenant_id");
    }

    @Test
    void validateWhenRolesSmuggledAsStringThenClaimTypeMismatch() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().claim("roles", "support admin").signRsa());

        assertRejected(report, FindingCode.CLAIM_TYPE_MISMATCH, "/claims/roles");
    }
}
