package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TokenValidator validator(KeySource keys) throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .keys(keys)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .leeway(Duration.ZERO)
                .build();
    }

    private static JsonNode roundTrip(JsonNode node) {
        return JSON.readTree(ReportJson.write(node));
    }

    @Test
    void toNodeWhenAcceptedThenWholeShapeIsVerifiedTokenWithFindings() throws Exception {
        String token = TestTokens.mcp().signRsa();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        TokenValidator validator = validator(KeySource.jwks(TestKeys.publicJwks()));
        ValidationReport report = validator.validate(token, TestTokens.JUDGED_AT);
        Finding verified = report.findings().get(0);

        JsonNode json = roundTrip(ReportJson.toNode(report, validator));

        JsonNode expected = JSON.readTree("""
                {
                  "verdict": "ACCEPTED",
                  "exitCode": 0,
                  "evaluatedAt": "2026-11-26T00:30:00Z",
                  "contract": "mcp-access-token@1.0.0",
                  "token": {
                    "label": "VERIFIED",
                    "header": {"alg": "RS256", "typ": "at+jwt", "kid": "rsa-1"},
                    "claims": {
                      "iss": "https://login.example.test", "sub": "alice@example.test",
                      "aud": "https://mcp.example.test/mcp", "exp": 1795654800, "iat": 1795651200,
                      "nbf": 1795651200, "jti": "6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11",
                      "client_id": "crm-agent", "tenant_id": "acme", "roles": ["support"],
                      "scope": "crm.read crm.write"
                    },
                    "signature": {"bytes": 256, "preview": "%s"}
                  },
                  "findings": [
                    {"code": "SIGNATURE_VERIFIED", "stage": "SIGNATURE", "severity": "INFO", "pointer": "/signature",
                     "expected": null, "actual": null, "message": "%s", "hint": null}
                  ],
                  "checks": {
                    "keys": "%s",
                    "issuer": "https://login.example.test",
                    "audiences": ["https://mcp.example.test/mcp"],
                    "leewaySeconds": 0
                  }
                }
                """.formatted(
                signature.substring(0, 6) + "… (342 chars, redacted)", verified.message(), validator.keyDescription()));
        assertThat(report.findings()).hasSize(1);
        assertThat(json).isEqualTo(expected);
        assertThat(ReportJson.write(ReportJson.toNode(report))).doesNotContain(signature);
    }

    @Test
    void toNodeWhenRejectedThenTokenLabelledUnverifiedAndEveryFindingFieldPresent() throws Exception {
        String token = TestTokens.mcp().without("tenant_id").signRsa();
        ValidationReport report =
                validator(KeySource.jwks(TestKeys.publicJwks())).validate(token, TestTokens.JUDGED_AT);

        JsonNode json = roundTrip(ReportJson.toNode(report));

        assertThat(json.get("verdict").asString()).isEqualTo("REJECTED");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("token").get("label").asString()).isEqualTo(ReportJson.UNVERIFIED);
        assertThat(json.has("checks")).isFalse();
        JsonNode missing = json.get("findings").get(1);
        assertThat(JSON.treeToValue(missing, java.util.Map.class))
                .containsOnlyKeys("code", "stage", "severity", "pointer", "expected", "actual", "message", "hint");
        assertThat(missing.get("code").asString()).isEqualTo("CLAIM_MISSING");
        assertThat(missing.get("stage").asString()).isEqualTo("CONTRACT");
        assertThat(missing.get("severity").asString()).isEqualTo("ERROR");
        assertThat(missing.get("pointer").asString()).isEqualTo("/claims/tenant_id");
        assertThat(missing.get("hint").asString()).isEqualTo(FindingCode.CLAIM_MISSING.hint());
    }

    @Test
    void toNodeWhenNoKeyThenUncheckedWithExitCodeThree() throws Exception {
        ValidationReport report =
                validator(KeySource.none()).validate(TestTokens.mcp().signRsa(), TestTokens.JUDGED_AT);

        JsonNode json = roundTrip(ReportJson.toNode(report));

        assertThat(json.get("verdict").asString()).isEqualTo("UNCHECKED");
        assertThat(json.get("exitCode").asInt()).isEqualTo(3);
        assertThat(json.get("findings").get(0).get("code").asString()).isEqualTo("NO_KEY_CONFIGURED");
    }

    @Test
    void toNodeWhenTokenUnreadableThenTokenIsNull() throws Exception {
        ValidationReport report = validator(KeySource.none()).validate("opaque-reference-token", TestTokens.JUDGED_AT);

        JsonNode json = roundTrip(ReportJson.toNode(report));

        assertThat(json.get("token").isNull()).isTrue();
        assertThat(json.get("findings").get(0).get("code").asString()).isEqualTo("TOKEN_OPAQUE");
        assertThat(json.get("findings").get(0).get("pointer").asString()).isEmpty();
    }

    @Test
    void writeWhenClaimsHoldControlAndNonAsciiCharactersThenOutputIsAsciiAndRoundTrips() throws Exception {
        String token =
                TestTokens.mcp().claim("name", "Jos\u00e9 \u001b[31mred\u202e").signRsa();
        ValidationReport report = validator(KeySource.none()).validate(token, TestTokens.JUDGED_AT);

        String text = ReportJson.write(ReportJson.toNode(report));

        assertThat(text.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
        assertThat(JSON.readTree(text).get("token").get("claims").get("name").asString())
                .isEqualTo("Jos\u00e9 \u001b[31mred\u202e");
    }

    @Test
    void toNodeWhenLintFailsThenPassedFalseExitOneAndContractNull() {
        LintReport report = Contracts.lint("{\"type\": \"object\"}");

        JsonNode json = roundTrip(ReportJson.toNode(report));

        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("contract").isNull()).isTrue();
        assertThat(json.get("findings").size())
                .isEqualTo(report.findings().size())
                .isPositive();
        assertThat(json.get("findings").get(0).get("stage").asString()).isEqualTo("LINT");
    }

    @Test
    void toNodeWhenLintPassesThenContractReferenceAndExitZero() throws Exception {
        String document = Contracts.load("mcp-access-token@1.0.0").document().toString();

        JsonNode json = roundTrip(ReportJson.toNode(Contracts.lint(document)));

        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("contract").asString()).isEqualTo("mcp-access-token@1.0.0");
    }
}
