package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertHasError;
import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.RawJws;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Attacks carried in the JOSE header: alg none, keys and key URLs in the token, hostile kids, crit, b64, typ. */
class HostileHeaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The attacker's own RSA key under its own kid. */
    private static final RSAKey ATTACKER =
            new RSAKey.Builder(TestKeys.OTHER_RSA).keyID("attacker").build();

    static Stream<Arguments> noneCasings() {
        return Stream.of("none", "None", "NONE", "nOnE")
                .flatMap(alg -> Stream.of(Arguments.of(alg, false), Arguments.of(alg, true)));
    }

    @ParameterizedTest(name = "alg {0}, signed {1}")
    @MethodSource("noneCasings")
    void validateWhenAlgNoneInAnyCasingThenRejectedAsAlgNone(String alg, boolean withSignature) {
        TestTokens token = TestTokens.mcp().header("alg", alg);
        // "with a signature": a real RS256 signature over exactly these bytes, so only the header's claim of
        // being unsecured can make the validator skip it.
        String compact = withSignature ? RawJws.signRs256(token.signingInput(), TestKeys.RSA) : token.unsigned();

        ValidationReport report = judge(Judge.mcpWithJwks(), compact);

        assertRejected(report, FindingCode.ALG_NONE, "/header/alg");
        assertThat(report.has(FindingCode.SIGNATURE_NOT_CHECKED)).isTrue();
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isFalse();
    }

    @Test
    void validateWhenAlgNoneAndNoKeyConfiguredThenRejectedNotUnchecked() {
        TokenValidator decodeOnly = Judge.validator(Judge.mcpWithJwks().contract(), KeySource.none());

        ValidationReport report =
                judge(decodeOnly, TestTokens.mcp().header("alg", "none").unsigned());

        assertRejected(report, FindingCode.ALG_NONE, "/header/alg");
    }

    @Test
    void validateWhenAlgMissingThenRejected() {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().withoutHeader("alg").signRsa());

        assertRejected(report, FindingCode.ALG_MISSING, "/header/alg");
    }

    @Test
    void validateWhenEmbeddedJwkSignsTokenThenJwkRefusedAndSignatureInvalid() {
        // CVE-2018-0114: the attacker signs with their own key, embeds it, and reuses the victim's kid.
        JsonNode attackerJwk = JSON.readTree(TestKeys.OTHER_RSA.toPublicJWK().toJSONString());
        String token = TestTokens.mcp().header("jwk", attackerJwk).signRsa(TestKeys.OTHER_RSA);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.HEADER_JWK_REFUSED, "/header/jwk");
        assertHasError(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenEmbeddedJwkUnderOwnKidThenJwkRefusedAndKidUnknown() {
        JsonNode attackerJwk = JSON.readTree(ATTACKER.toPublicJWK().toJSONString());
        String token = TestTokens.mcp()
                .header("kid", "attacker")
                .header("jwk", attackerJwk)
                .signRsa(ATTACKER);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.HEADER_JWK_REFUSED, "/header/jwk");
        assertHasError(report, FindingCode.KID_UNKNOWN, "/header/kid");
    }

    @Test
    void validateWhenJkuPointsAtAttackerJwksThenRefusedAndNothingFetched() {
        try (CountingHttpServer attacker = CountingHttpServer.start()) {
            attacker.respond(200, new JWKSet(ATTACKER.toPublicJWK()).toString());
            String token = TestTokens.mcp()
                    .header("kid", "attacker")
                    .header("jku", attacker.uri("/jwks").toString())
                    .signRsa(ATTACKER);

            ValidationReport report = judge(Judge.mcpWithJwks(), token);

            assertRejected(report, FindingCode.HEADER_JKU_REFUSED, "/header/jku");
            assertHasError(report, FindingCode.KID_UNKNOWN, "/header/kid");
            assertThat(attacker.requests())
                    .as("requests the validator made to the jku URL")
                    .isZero();
        }
    }

    @Test
    void validateWhenX5uPointsAtAttackerCertificateThenRefusedAndNothingFetched() {
        try (CountingHttpServer attacker = CountingHttpServer.start()) {
            attacker.respond(200, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
            String token = TestTokens.mcp()
                    .header("x5u", attacker.uri("/cert.pem").toString())
                    .signRsa(TestKeys.OTHER_RSA);

            ValidationReport report = judge(Judge.mcpWithJwks(), token);

            assertRejected(report, FindingCode.HEADER_X5U_REFUSED, "/header/x5u");
            assertHasError(report, FindingCode.SIGNATURE_INVALID, "/signature");
            assertThat(attacker.requests())
                    .as("requests the validator made to the x5u URL")
                    .isZero();
        }
    }

    @Test
    void validateWhenJkuAndX5uBothPointAtLocalServerThenBothRefusedAndNothingFetched() {
        try (CountingHttpServer attacker = CountingHttpServer.start()) {
            attacker.respond(200, new JWKSet(ATTACKER.toPublicJWK()).toString());
            String token = TestTokens.mcp()
                    .header("jku", attacker.uri("/jwks").toString())
                    .header("x5u", attacker.uri("/cert.pem").toString())
                    .signRsa(); // even a token our key really signed is refused while it names key URLs

            ValidationReport report = judge(Judge.mcpWithJwks(), token);

            assertRejected(report, FindingCode.HEADER_JKU_REFUSED, "/header/jku");
            assertHasError(report, FindingCode.HEADER_X5U_REFUSED, "/header/x5u");
            assertThat(attacker.requests()).isZero();
        }
    }

    @Test
    void validateWhenX5cCarriesAttackerChainThenIgnoredAndSignatureInvalid() {
        JsonNode chain = JsonNodeFactory.instance.arrayNode().add("MIIBattackerCertificate");
        String token = TestTokens.mcp().header("x5c", chain).signRsa(TestKeys.OTHER_RSA);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
        assertThat(Judge.finding(report, FindingCode.HEADER_X5C_IGNORED).severity())
                .isEqualTo(Severity.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../dev/null", "' OR 1=1 --", "/etc/passwd", "rsa-1' OR '1'='1", "file:///dev/null"})
    void validateWhenKidIsPathOrSqlTextThenKidUnknown(String kid) throws Exception {
        // The classic pairing: kid names an empty file, the token is HMAC'd with the empty key. The contract
        // here even allows HS256, so only the key lookup stands between the attacker and acceptance.
        TokenValidator validator = Judge.validator(
                TestContracts.mcpAllowing("test-mixed", "RS256", "HS256"), KeySource.jwks(TestKeys.publicJwks()));
        String token = RawJws.signHs256(
                TestTokens.mcp().header("alg", "HS256").header("kid", kid).signingInput(), new byte[0]);

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.KID_UNKNOWN, "/header/kid");
        assertThat(Judge.finding(report, FindingCode.KID_UNKNOWN).actual()).isEqualTo(kid);
    }

    @Test
    void validateWhenKidHasControlCharactersThenKidMalformed() {
        ValidationReport report = judge(
                Judge.mcpWithJwks(),
                TestTokens.mcp().header("kid", "rsa-1\u0000\n").signRsa());

        assertRejected(report, FindingCode.KID_MALFORMED, "/header/kid");
    }

    @Test
    void validateWhenCritNamesUnknownExtensionThenCritUnsupported() {
        String token = TestTokens.mcp()
                .header("crit", JsonNodeFactory.instance.arrayNode().add("https://attacker.example/skip-checks"))
                .header("https://attacker.example/skip-checks", "true")
                .signRsa();

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.CRIT_UNSUPPORTED, "/header/crit");
        assertThat(Judge.finding(report, FindingCode.CRIT_UNSUPPORTED).actual()).contains("skip-checks");
    }

    @Test
    void validateWhenB64FalseThenUnencodedPayloadRefused() {
        String token = TestTokens.mcp()
                .header("b64", JsonNodeFactory.instance.booleanNode(false))
                .header("crit", JsonNodeFactory.instance.arrayNode().add("b64"))
                .signRsa();

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.B64_UNENCODED_REFUSED, "/header/b64");
        assertHasError(report, FindingCode.CRIT_UNSUPPORTED, "/header/crit");
    }

    @Test
    void validateWhenTypIsJwtInsteadOfAtJwtThenTypNotAllowed() {
        // An ID token (typ JWT) offered as an access token: correctly signed, but the wrong kind of token.
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().header("typ", "JWT").signRsa());

        assertRejected(report, FindingCode.TYP_NOT_ALLOWED, "/header/typ");
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
    }

    @Test
    void validateWhenTypMissingThenTypMissing() {
        ValidationReport report =
                judge(Judge.mcpWithJwks(), TestTokens.mcp().withoutHeader("typ").signRsa());

        assertRejected(report, FindingCode.TYP_MISSING, "/header/typ");
    }
}
