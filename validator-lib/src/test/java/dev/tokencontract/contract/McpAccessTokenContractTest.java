package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code mcp-access-token@1.0.0}: the sample token passes, and each rule rejects the token it exists for. */
class McpAccessTokenContractTest {
    /** The claim set from the issue, verbatim. */
    private static final String ISSUE_SAMPLE = """
            {"iss":"https://login.example.test","sub":"alice@example.test","aud":"https://mcp.example.test/mcp",
             "exp":1795654800,"iat":1795651200,"nbf":1795651200,"jti":"6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11",
             "client_id":"crm-agent","tenant_id":"acme","roles":["support"],"scope":"crm.read crm.write"}
            """;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static TokenValidator validator;

    @BeforeAll
    static void loadContract() throws Exception {
        validator = Judge.withoutLeeway(Contracts.load("mcp-access-token@1.0.0"));
    }

    private static ValidationReport judge(String token) {
        return validator.validate(token);
    }

    @Test
    void sampleFixtureWhenComparedToIssueThenIsExactlyTheIssueClaimSet() {
        TestTokens sample = TestTokens.mcp();

        assertThat(TestContracts.object(sample.claimsNode().toString())).isEqualTo(TestContracts.object(ISSUE_SAMPLE));
        assertThat(sample.headerNode().path("alg").stringValue()).isEqualTo("RS256");
        assertThat(sample.headerNode().path("typ").stringValue()).isEqualTo("at+jwt");
    }

    @Test
    void validateWhenIssueSampleTokenThenAcceptedWithoutWarnings() {
        ValidationReport report = judge(TestTokens.mcp().signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_VERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "jti", "client_id", "tenant_id", "roles"})
    void validateWhenRequiredClaimMissingThenClaimMissingAtItsPointer(String claim) {
        ValidationReport report = judge(TestTokens.mcp().without(claim).signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.findings(Stage.CONTRACT))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_MISSING, "/claims/" + claim));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scope", "nbf"})
    void validateWhenOptionalSampleClaimAbsentThenAccepted(String claim) {
        assertThat(judge(TestTokens.mcp().without(claim).signRsa()).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "act; {\"sub\":\"crm-agent\",\"client_id\":\"crm-agent\"}",
                "auth_time; 1795651100",
                "acr; \"urn:example:acr:mfa\"",
                "amr; [\"pwd\",\"otp\"]",
                "email; \"alice@example.test\"",
                "name; \"Alice Example\""
            })
    void validateWhenOptionalClaimWellFormedThenAccepted(String claim, String json) {
        String token = TestTokens.mcp()
                .claim(claim, TestContracts.object("{\"v\":" + json + "}").get("v"))
                .signRsa();

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void contractWhenReadThenDeclaresTheIssueClaims() throws Exception {
        JsonNode document = Contracts.load("mcp-access-token@1.0.0").document();

        assertThat(document.path("required").values())
                .extracting(JsonNode::stringValue)
                .containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "tenant_id", "roles");
        assertThat(document.path("properties").propertyNames())
                .containsExactlyInAnyOrder(
                        "iss",
                        "sub",
                        "aud",
                        "exp",
                        "iat",
                        "nbf",
                        "jti",
                        "client_id",
                        "tenant_id",
                        "roles",
                        "scope",
                        "act",
                        "auth_time",
                        "acr",
                        "amr",
                        "email",
                        "name");
    }

    @Test
    void validateWhenTenantIdRenamedToCamelCaseThenTenantIdMissing() {
        String token =
                TestTokens.mcp().without("tenant_id").claim("tenantId", "acme").signRsa();

        ValidationReport report = judge(token);

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_MISSING, "/claims/tenant_id"));
    }

    @Test
    void validateWhenTenantIdHasSpacesThenPatternMismatch() {
        ValidationReport report =
                judge(TestTokens.mcp().claim("tenant_id", "acme corp").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_PATTERN_MISMATCH, "/claims/tenant_id"));
    }

    @Test
    void validateWhenRolesIsSpaceDelimitedStringThenTypeMismatch() {
        ValidationReport report =
                judge(TestTokens.mcp().claim("roles", "support admin").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/roles"));
    }

    @Test
    void validateWhenRolesHasDuplicatesThenRejectedAtRoles() {
        ValidationReport report =
                judge(TestTokens.mcp().claimArray("roles", "support", "support").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_INVALID, "/claims/roles"));
    }

    @Test
    void validateWhenRoleIsNotAStringThenTypeMismatchAtTheItem() {
        TestTokens token = TestTokens.mcp();
        token.claimsNode().putArray("roles").add("support").add(7);

        ValidationReport report = judge(token.signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/roles/1"));
    }

    @Test
    void validateWhenRolesEmptyThenAccepted() {
        assertThat(judge(TestTokens.mcp().claimArray("roles").signRsa()).verdict())
                .isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm.read  crm.write", " crm.read", "crm.read ", "crm.read\tcrm.write", "crm\"read", ""})
    void validateWhenScopeIsNotSpaceDelimitedTokensThenPatternMismatch(String scope) {
        ValidationReport report = judge(TestTokens.mcp().claim("scope", scope).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_PATTERN_MISMATCH, "/claims/scope"));
    }

    @Test
    void validateWhenScopeIsArrayThenTypeMismatch() {
        ValidationReport report =
                judge(TestTokens.mcp().claimArray("scope", "crm.read").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/scope"));
    }

    @Test
    void validateWhenActHasNoSubThenClaimMissingInsideAct() {
        ObjectNode act = JSON.objectNode().put("client_id", "agent-hub");

        ValidationReport report = judge(TestTokens.mcp().claim("act", act).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_MISSING, "/claims/act/sub"));
    }

    @Test
    void validateWhenNestedActChainIsValidThenAccepted() {
        ObjectNode act = JSON.objectNode().put("sub", "crm-agent").put("client_id", "crm-agent");
        act.set("act", JSON.objectNode().put("sub", "agent-hub").put("iss", "https://hub.example.test"));

        assertThat(judge(TestTokens.mcp().claim("act", act).signRsa()).verdict())
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenNestedActLacksSubThenClaimMissingAtTheNestedActor() {
        ObjectNode act = JSON.objectNode().put("sub", "crm-agent");
        act.set("act", JSON.objectNode().put("client_id", "agent-hub"));

        ValidationReport report = judge(TestTokens.mcp().claim("act", act).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_MISSING, "/claims/act/act/sub"));
    }

    @Test
    void validateWhenActIsStringThenTypeMismatch() {
        ValidationReport report =
                judge(TestTokens.mcp().claim("act", "crm-agent").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/act"));
    }

    @Test
    void validateWhenAudIsArrayNamingThisServerThenAccepted() {
        String token = TestTokens.mcp()
                .claimArray("aud", TestTokens.AUDIENCE, "https://other.example.test")
                .signRsa();

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenAudIsEmptyStringThenOutOfRangeAndMismatch() {
        ValidationReport report = judge(TestTokens.mcp().claim("aud", "").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.AUD_MISMATCH, "/claims/aud"),
                        tuple(FindingCode.CLAIM_OUT_OF_RANGE, "/claims/aud"));
    }

    @Test
    void validateWhenAudIsEmptyArrayThenOutOfRangeAndMissing() {
        ValidationReport report = judge(TestTokens.mcp().claimArray("aud").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.AUD_MISSING, "/claims/aud"),
                        tuple(FindingCode.CLAIM_OUT_OF_RANGE, "/claims/aud"));
    }

    @Test
    void validateWhenAudIsNumberThenTypeMismatch() {
        ValidationReport report = judge(TestTokens.mcp().claim("aud", 42L).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/aud"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "RS384"})
    void validateWhenAlgorithmNotInContractThenAlgNotAllowed(String alg) {
        TestTokens token = TestTokens.mcp().header("alg", alg);
        String signed = alg.startsWith("HS") ? token.signHmac(TestKeys.HMAC_SECRET) : token.signRsa();

        ValidationReport report = judge(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.ALG_NOT_ALLOWED, "/header/alg"));
    }

    @Test
    void validateWhenSignedPs256ThenAccepted() {
        assertThat(judge(TestTokens.mcp().signPs256()).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenSignedEs256ThenAccepted() {
        String token = TestTokens.mcp()
                .header("alg", "ES256")
                .header("kid", TestKeys.EC.getKeyID())
                .signEc(TestKeys.EC);

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "id_token+jwt"})
    void validateWhenTypIsNotAnAccessTokenTypeThenTypNotAllowed(String typ) {
        ValidationReport report = judge(TestTokens.mcp().header("typ", typ).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.TYP_NOT_ALLOWED, "/header/typ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+JWT"})
    void validateWhenTypIsAccessTokenTypeInAnyCaseThenAccepted(String typ) {
        assertThat(judge(TestTokens.mcp().header("typ", typ).signRsa()).verdict())
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenTypMissingThenTypMissing() {
        ValidationReport report = judge(TestTokens.mcp().withoutHeader("typ").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.TYP_MISSING, "/header/typ"));
    }

    @Test
    void validateWhenKidMissingThenKidMissingEvenThoughSignatureVerifies() {
        ValidationReport report = judge(TestTokens.mcp().withoutHeader("kid").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.KID_MISSING, "/header/kid"));
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
    }

    @Test
    void validateWhenLifetimeExceedsMaxLifetimeSecondsThenLifetimeTooLong() {
        String token = TestTokens.mcp().claim("exp", 1795651200L + 7201).signRsa();

        ValidationReport report = judge(token);

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LIFETIME_TOO_LONG, "/claims/exp"));
    }

    @Test
    void validateWhenLifetimeEqualsMaxLifetimeSecondsThenAccepted() {
        String token = TestTokens.mcp().claim("exp", 1795651200L + 7200).signRsa();

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenExpBeyondYear9999ThenOutOfRangeAndMalformed() {
        ValidationReport report =
                judge(TestTokens.mcp().claim("exp", 253_402_300_800L).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.TIME_CLAIM_MALFORMED, "/claims/exp"),
                        tuple(FindingCode.CLAIM_OUT_OF_RANGE, "/claims/exp"));
    }

    @Test
    void validateWhenIatIsFractionalThenTypeMismatch() {
        ValidationReport report = judge(
                TestTokens.mcp().claim("iat", JSON.numberNode(1795651200.5)).signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.TIME_CLAIM_MALFORMED, "/claims/iat"),
                        tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/claims/iat"));
    }

    @Test
    void validateWhenEmailIsNotAMailboxThenFormatMismatch() {
        ValidationReport report =
                judge(TestTokens.mcp().claim("email", "alice at example.test").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_FORMAT_MISMATCH, "/claims/email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.test", "bob@corp.internal", "carol@example.com", "dave@localhost"})
    void validateWhenEmailAtAnyDomainThenAccepted(String email) {
        assertThat(judge(TestTokens.mcp().claim("email", email).signRsa()).verdict())
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenIssIsNotAUriThenFormatMismatch() {
        ValidationReport report =
                judge(TestTokens.mcp().claim("iss", "login.example.test").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.ISS_MISMATCH, "/claims/iss"),
                        tuple(FindingCode.CLAIM_FORMAT_MISMATCH, "/claims/iss"));
        // networknt says "does not match the uri pattern must be a valid RFC 3986 URI"; the finding reads as a sentence
        assertThat(report.findings())
                .filteredOn(f -> f.code() == FindingCode.CLAIM_FORMAT_MISMATCH)
                .singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("is not a valid uri (must be a valid RFC 3986 URI)"));
    }

    @Test
    void validateWhenSubIsEmptyThenOutOfRange() {
        ValidationReport report = judge(TestTokens.mcp().claim("sub", "").signRsa());

        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_OUT_OF_RANGE, "/claims/sub"));
    }

    @Test
    void validateWhenIdentityProviderAddsUndeclaredClaimsThenAccepted() {
        String token = TestTokens.mcp()
                .claim("department", "support")
                .claim("sid", "abc")
                .signRsa();

        assertThat(judge(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }
}
