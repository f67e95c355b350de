package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rfc9068-access-token@1.0.0}: the RFC 9068 profile, without the MCP additions. */
class Rfc9068AccessTokenContractTest {
    private static Contract contract;
    private static TokenValidator validator;

    @BeforeAll
    static void loadContract() throws Exception {
        contract = Contracts.load("rfc9068-access-token@1.0.0");
        validator = Judge.withoutLeeway(contract);
    }

    /** An RFC 9068 token: the MCP sample without the MCP-only claims. */
    private static TestTokens rfc9068() {
        return TestTokens.mcp().without("tenant_id").without("roles");
    }

    private static ValidationReport judge(String token) {
        return validator.validate(token);
    }

    @Test
    void validateWhenRfc9068TokenThenAccepted() {
        ValidationReport report = judge(rfc9068().signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_VERIFIED);
    }

    @Test
    void validateWhenMcpSampleTokenThenAlsoAcceptedBecauseContentIsOpen() {
        assertThat(judge(TestTokens.mcp().signRsa()).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "exp", "aud", "sub", "client_id", "iat", "jti"})
    void validateWhenRequiredClaimMissingThenClaimMissingAtItsPointer(String claim) {
        ValidationReport report = judge(rfc9068().without(claim).signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.findings(Stage.CONTRACT))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_MISSING, "/claims/" + claim));
    }

    @Test
    void contractWhenReadThenRequiresExactlyTheRfc9068Claims() {
        assertThat(contract.document().path("required").values())
                .extracting(n -> n.stringValue())
                .containsExactlyInAnyOrder("iss", "exp", "aud", "sub", "client_id", "iat", "jti");
        assertThat(contract.document().path("properties").propertyNames())
                .contains("scope", "auth_time", "acr", "amr", "groups", "roles", "entitlements");
    }

    @ParameterizedTest
    @ValueSource(strings = {"groups", "roles", "entitlements", "amr"})
    void validateWhenListClaimIsStringThenTypeMismatch(String claim) {
        ValidationReport report = judge(rfc9068().claim(claim, "a b").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/" + claim));
    }

    @Test
    void validateWhenListClaimsAreArraysOfStringsThenAccepted() {
        String token = rfc9068()
                .claimArray("groups", "eng")
                .claimArray("roles", "reader")
                .claimArray("entitlements", "crm")
                .claimArray("amr", "pwd", "mfa")
                .claim("acr", "urn:mace:incommon:iap:silver")
                .claim("auth_time", 1795651100L)
                .signRsa();

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenScopeHasDoubleSpaceThenPatternMismatch() {
        ValidationReport report =
                judge(rfc9068().claim("scope", "crm.read  crm.write").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_PATTERN_MISMATCH, "/claims/scope"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "application/at+jwt", "AT+JWT"})
    void validateWhenTypIsAccessTokenTypeThenAccepted(String typ) {
        assertThat(judge(rfc9068().header("typ", typ).signRsa()).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenTypIsJwtThenTypNotAllowed() {
        ValidationReport report = judge(rfc9068().header("typ", "JWT").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.TYP_NOT_ALLOWED, "/header/typ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
    void validateWhenSignedWithAnRsaAlgorithmItListsThenAccepted(String alg) throws Exception {
        // One key, one algorithm (RFC 8725 section 3.1): a validator per algorithm, each binding the key to it.
        TokenValidator bound = Judge.validator(contract, KeySource.pem(TestKeys.rsaPublicPem(), alg));

        assertThat(bound.validate(rfc9068().header("alg", alg).signRsa()).verdict())
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenSignedHs256ThenAlgNotAllowed() {
        ValidationReport report = judge(rfc9068().header("alg", "HS256").signHmac(TestKeys.HMAC_SECRET));

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.ALG_NOT_ALLOWED, "/header/alg"));
    }

    @Test
    void validateWhenKidMissingThenAcceptedBecauseKidIsNotRequired() {
        ValidationReport report = judge(rfc9068().withoutHeader("kid").signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(report.has(FindingCode.KID_MISSING)).isFalse();
    }

    @Test
    void validateWhenLifetimeIsLongThenAcceptedBecauseRfc9068SetsNoCap() {
        assertThat(contract.jose().maxLifetime()).isEmpty();

        String token = rfc9068().claim("exp", 1795651200L + 30 * 24 * 3600).signRsa();

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenAudIsEmptyStringThenOutOfRange() {
        ValidationReport report = judge(rfc9068().claim("aud", "").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.CLAIM_OUT_OF_RANGE, "/claims/aud"));
    }

    @Test
    void validateWhenExpBeyondYear9999ThenOutOfRange() {
        ValidationReport report = judge(rfc9068().claim("exp", 253_402_300_800L).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.CLAIM_OUT_OF_RANGE, "/claims/exp"));
    }

    @Test
    void validateWhenIssIsNotAUriThenFormatMismatch() {
        ValidationReport report = judge(rfc9068().claim("iss", "not a uri").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.CLAIM_FORMAT_MISMATCH, "/claims/iss"));
    }
}
