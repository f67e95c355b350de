package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestTokens;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenValidatorTest {

    static TokenValidator mcpValidator() throws Exception {
        return Judge.withoutLeeway(Contracts.load("mcp-access-token@1.0.0"));
    }

    @Test
    void validateWhenSampleMcpTokenThenAccepted() throws Exception {
        ValidationReport report = mcpValidator().validate(TestTokens.mcp().signRsa());

        assertThat(report.errors()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
        ValidatedToken token = report.validated().orElseThrow();
        assertThat(token.subject()).isEqualTo("alice@example.test");
        assertThat(token.stringClaim("tenant_id")).contains("acme");
        assertThat(token.audiences()).containsExactly(TestTokens.AUDIENCE);
        assertThat(token.keyId()).isEqualTo("rsa-1");
        assertThat(token.contractReference()).isEqualTo("mcp-access-token@1.0.0");
    }

    @Test
    void validateWhenTypIsApplicationAtJwtThenAccepted() throws Exception {
        String token = TestTokens.mcp().header("typ", "application/at+jwt").signRsa();

        assertThat(mcpValidator().validate(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenAudienceIsArrayContainingThisServerThenAccepted() throws Exception {
        String token = TestTokens.mcp()
                .claimArray("aud", "https://other.example.test", TestTokens.AUDIENCE)
                .signRsa();

        assertThat(mcpValidator().validate(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenSeveralRulesBrokenThenReportsEveryFinding() throws Exception {
        String token = TestTokens.mcp()
                .header("typ", "JWT")
                .without("tenant_id")
                .claim("roles", "support admin")
                .claim("aud", "https://other.example.test")
                .claim("exp", 1795651300L)
                .signRsa();

        ValidationReport report = mcpValidator().validate(token);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.errors())
                .extracting(Finding::code)
                .contains(
                        FindingCode.TYP_NOT_ALLOWED,
                        FindingCode.CLAIM_MISSING,
                        FindingCode.CLAIM_TYPE_MISMATCH,
                        FindingCode.AUD_MISMATCH,
                        FindingCode.TOKEN_EXPIRED);
        assertThat(report.errors())
                .extracting(Finding::pointer)
                .contains("/header/typ", "/claims/tenant_id", "/claims/roles", "/claims/aud", "/claims/exp");
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
        assertThat(report.validated()).isEmpty();
    }

    @Test
    void validateWhenExpiredThenSaysByHowMuch() throws Exception {
        String token = TestTokens.mcp()
                .claim("exp", TestTokens.JUDGED_AT.getEpochSecond() - (3 * 3600 + 12 * 60))
                .signRsa();

        Finding expired = mcpValidator().validate(token).findings().stream()
                .filter(f -> f.code() == FindingCode.TOKEN_EXPIRED)
                .findFirst()
                .orElseThrow();

        assertThat(expired.message()).contains("expired 3 h 12 min before the evaluation time");
        assertThat(expired.stage()).isEqualTo(Stage.TIME);
    }

    @Test
    void validateWhenNoKeyThenUncheckedAndNeverAccepted() throws Exception {
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token"))
                .keys(KeySource.none())
                .ignoreIssuer()
                .ignoreAudience()
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .build();

        ValidationReport report = validator.validate(TestTokens.mcp().signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(report.has(FindingCode.NO_KEY_CONFIGURED)).isTrue();
        assertThat(report.decoded()
                        .orElseThrow()
                        .claims()
                        .orElseThrow()
                        .path("sub")
                        .stringValue())
                .isEqualTo("alice@example.test");
    }

    @Test
    void buildWhenIssuerNotDecidedThenRefused() throws Exception {
        TokenValidator.Builder builder = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .keys(KeySource.none())
                .expectAudience(TestTokens.AUDIENCE);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void buildWhenAudienceNotDecidedThenRefused() throws Exception {
        TokenValidator.Builder builder = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .keys(KeySource.none())
                .expectIssuer(TestTokens.ISSUER);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void validateWhenAudienceDiffersOnlyInHostCaseThenAccepted() throws Exception {
        String token =
                TestTokens.mcp().claim("aud", "HTTPS://MCP.EXAMPLE.TEST/mcp").signRsa();

        assertThat(mcpValidator().validate(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenAudienceDiffersInPathCaseThenRejected() throws Exception {
        String token =
                TestTokens.mcp().claim("aud", "https://mcp.example.test/MCP").signRsa();

        assertThat(mcpValidator().validate(token).has(FindingCode.AUD_MISMATCH)).isTrue();
    }
}
