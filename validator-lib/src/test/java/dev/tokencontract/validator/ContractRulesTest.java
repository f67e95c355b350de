package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractRulesTest {
    private static final Contract CONTRACT = load();

    private static Contract load() {
        try {
            return Contracts.load("mcp-access-token@1.0.0");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContractRules rules() {
        return ContractRules.builder()
                .contract(CONTRACT)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .leeway(Duration.ZERO)
                .build();
    }

    static Stream<Arguments> defects() {
        return Stream.<Map.Entry<String, UnaryOperator<TestTokens>>>of(
                        Map.entry("none", t -> t),
                        Map.entry("expired", t -> t.claim("exp", 1795651300L)),
                        Map.entry("wrong audience", t -> t.claim("aud", "https://other.example.test")),
                        Map.entry("wrong issuer", t -> t.claim("iss", "https://login.example.test/")),
                        Map.entry("typ JWT", t -> t.header("typ", "JWT")),
                        Map.entry("jku in header", t -> t.header("jku", "https://attacker.example/jwks")),
                        Map.entry("tenant renamed", t -> t.without("tenant_id").claim("tenantId", "acme")),
                        Map.entry("roles as string", t -> t.claim("roles", "support admin")),
                        Map.entry("no exp", t -> t.without("exp")),
                        Map.entry("lives a year", t -> t.claim("exp", 1795651200L + 365L * 86400)))
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void checkVerifiedWhenDefectThenSameFindingsAsTheValidatorWithoutTheSignatureStage(
            String name, UnaryOperator<TestTokens> defect) {
        TestTokens token = defect.apply(TestTokens.mcp());
        ValidationReport full = Judge.withoutLeeway(CONTRACT).validate(token.signRsa());

        ContractRules.Report rules = rules().checkVerified(token.headerNode(), token.claimsNode());

        List<Finding> expected = full.findings().stream()
                .filter(f -> f.code().stage() != Stage.SIGNATURE)
                .toList();
        assertThat(rules.findings()).isEqualTo(expected);
        assertThat(rules.accepted()).isEqualTo(full.accepted());
        assertThat(rules.contractReference()).isEqualTo("mcp-access-token@1.0.0");
    }

    @Test
    void checkVerifiedWhenPlainJavaWithInstantsThenReadsThemAsNumericDates() {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of(
                "iss",
                TestTokens.ISSUER,
                "sub",
                "alice@example.test",
                "aud",
                List.of(TestTokens.AUDIENCE),
                "iat",
                Instant.ofEpochSecond(1795651200L),
                "nbf",
                Instant.ofEpochSecond(1795651200L),
                "exp",
                Instant.ofEpochSecond(1795654800L),
                "client_id",
                "crm-agent",
                "tenant_id",
                "acme",
                "roles",
                List.of("support"),
                "scope",
                "crm.read"));
        claims.put("jti", "6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11");
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "at+jwt", "kid", "rsa-1");

        assertThat(rules().checkVerified(header, claims).errors()).isEmpty();

        claims.put("exp", Instant.ofEpochSecond(1795651300L));
        ContractRules.Report expired = rules().checkVerified(header, claims);
        assertThat(expired.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(expired.has(FindingCode.TOKEN_EXPIRED)).isTrue();
    }

    @Test
    void checkVerifiedWhenValueHasNoJsonFormThenRejectedWithAFindingInsteadOfThrowing() {
        Map<String, Object> claims = Map.of("sub", new Object());

        ContractRules.Report report = rules().checkVerified(Map.of("alg", "RS256"), claims);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.JSON_INVALID)).isTrue();
    }

    @Test
    void checkVerifiedWhenHeaderOrClaimsMissingThenRejected() {
        ContractRules.Report report =
                rules().checkVerified((tools.jackson.databind.JsonNode) null, null, TestTokens.JUDGED_AT);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.findings()).extracting(Finding::pointer).containsExactly("/header", "/claims");
    }

    @Test
    void checkVerifiedTokenWhenSampleTokenThenAcceptedAndWhenAlgNoneThenRejected() {
        assertThat(rules().checkVerifiedToken(TestTokens.mcp().signRsa()).errors())
                .isEmpty();

        ContractRules.Report none = rules().checkVerifiedToken(
                        TestTokens.mcp().header("alg", "none").unsigned());
        assertThat(none.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(none.has(FindingCode.ALG_NONE)).isTrue();
    }

    @Test
    void checkVerifiedTokenWhenNotAJwtThenShapeFindingNotAnException() {
        ContractRules.Report report = rules().checkVerifiedToken("opaque-reference-token");

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.TOKEN_OPAQUE)).isTrue();
    }

    @Test
    void buildWhenIssuerOrAudienceNotDecidedThenRefused() {
        assertThatThrownBy(() -> ContractRules.builder()
                        .contract(CONTRACT)
                        .expectAudience("https://a")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer not decided");
        assertThatThrownBy(() -> ContractRules.builder()
                        .contract(CONTRACT)
                        .ignoreIssuer()
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audience not decided");
    }
}
