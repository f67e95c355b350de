package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JWK set that leaks private keys is reported, and the report (its JWK set and its JSON) never repeats the
 * private values: only the member names remain, so a CI log of {@code check-idp --format json} is not a second leak.
 */
class LeakedKeyRedactionTest {
    private static final String METADATA = """
            {"issuer":"https://idp.example.test","jwks_uri":"https://idp.example.test/jwks"}""";

    @Test
    void checkMetadataWhenJwksHoldsPrivateRsaEcAndSymmetricKeysThenReportAndJsonHoldNoPrivateValue() {
        String rsa = TestKeys.RSA.toJSONString(); // the full private key: d, p, q, dp, dq, qi
        String ec = TestKeys.EC.toJSONString(); // d
        String secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";
        String jwks = "{\"keys\":[" + rsa + "," + ec + ",{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"" + secret + "\"}]}";

        IdpReport report =
                IdpChecks.withDefaults().checkMetadata(METADATA, "doc", null, List.of(), JwksInput.document(jwks));

        assertThat(report.findings(FindingCode.JWK_PRIVATE_PARAMETERS)).hasSize(3);
        String json = report.findings().stream()
                        .map(f -> FindingJson.toNode(f).toString())
                        .toList()
                + report.document().map(Object::toString).orElse("")
                + report.jwks().map(Object::toString).orElse("");
        List<String> privateValues = List.of(
                TestKeys.RSA.getPrivateExponent().toString(),
                        TestKeys.RSA.getFirstPrimeFactor().toString(),
                TestKeys.RSA.getSecondPrimeFactor().toString(),
                        TestKeys.RSA.getFirstFactorCRTExponent().toString(),
                TestKeys.RSA.getSecondFactorCRTExponent().toString(),
                        TestKeys.RSA.getFirstCRTCoefficient().toString(),
                TestKeys.EC.getD().toString(), secret);
        for (String value : privateValues) {
            assertThat(json).doesNotContain(value);
            assertThat(report.jwks().orElseThrow().toString()).doesNotContain(value);
        }
        assertThat(report.jwks().orElseThrow().path("keys").get(0).path("d").asString())
                .isEqualTo("(redacted)");
        assertThat(report.jwks().orElseThrow().path("keys").get(0).path("n").asString())
                .isEqualTo(TestKeys.RSA.getModulus().toString());
    }
}
