package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.testing.RealFixtures;
import dev.tokencontract.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Key hygiene rules one by one, on sets built from real generated keys, plus hostile documents. */
class JwksChecksTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode key(com.nimbusds.jose.jwk.JWK jwk) {
        return (ObjectNode) JSON.readTree(jwk.toPublicJWK().toJSONString());
    }

    private static List<Finding> check(ObjectNode... keys) {
        ObjectNode set = JSON.createObjectNode();
        var array = set.putArray("keys");
        for (ObjectNode key : keys) {
            array.add(key);
        }
        return IdpChecks.checkJwks(set.toString());
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void checkJwksWhenPublicRsaAndEcKeysWithKidsThenNoErrors() {
        assertThat(errors(check(key(TestKeys.RSA), key(TestKeys.EC)))).isEmpty();
    }

    @Test
    void checkJwksWhenSigningKeyHasNoKidThenKidMissing() {
        ObjectNode rsa = key(TestKeys.RSA);
        rsa.remove("kid");

        assertThat(errors(check(rsa)))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.JWK_KID_MISSING, "/jwks/keys/0/kid"));
    }

    @Test
    void checkJwksWhenTwoRsaKeysShareAKidThenDuplicate() {
        // TestKeys.OTHER_RSA reuses kid "rsa-1" on purpose
        assertThat(errors(check(key(TestKeys.RSA), key(TestKeys.OTHER_RSA))))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.JWK_DUPLICATE_KID, "/jwks/keys/1/kid"));
    }

    @Test
    void checkJwksWhenSameKidOnKeysOfDifferentTypesThenAllowed() {
        ObjectNode ec = key(TestKeys.EC);
        ec.put("kid", "rsa-1"); // RFC 7517 section 4.5 allows one kid across key types

        assertThat(errors(check(key(TestKeys.RSA), ec))).isEmpty();
    }

    @Test
    void checkJwksWhenRsaKeyHas1024BitsThenTooShort() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();

        assertThat(errors(check(key(small))))
                .extracting(Finding::code)
                .containsExactly(FindingCode.JWK_RSA_TOO_SHORT, FindingCode.JWKS_EMPTY);
    }

    @Test
    void checkJwksWhenEcKeyOnSecp256k1ThenCurveNotAllowed() {
        // Java 17 cannot generate secp256k1 keys; the curve is judged before the point, so a relabelled key will do
        ObjectNode k1 = key(TestKeys.EC);
        k1.put("crv", "secp256k1");
        k1.put("kid", "k1");

        assertThat(errors(check(k1, key(TestKeys.EC))))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.JWK_CURVE_NOT_ALLOWED, "/jwks/keys/0/crv"));
    }

    @Test
    void checkJwksWhenEs384OnP256ThenInconsistent() {
        ObjectNode ec = key(TestKeys.EC);
        ec.put("alg", "ES384");

        assertThat(errors(check(ec, key(TestKeys.RSA))))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.JWK_INCONSISTENT, "/jwks/keys/0/alg"));
    }

    @Test
    void checkJwksWhenRsaKeyHasCrvOrEcAlgThenInconsistent() {
        ObjectNode rsa = key(TestKeys.RSA);
        rsa.put("crv", "P-256");
        rsa.put("alg", "ES256");

        assertThat(errors(check(rsa, key(TestKeys.EC))))
                .extracting(Finding::code)
                .containsExactly(FindingCode.JWK_INCONSISTENT, FindingCode.JWK_INCONSISTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-OAEP-256", "none"})
    void checkJwksWhenUseSigWithNonSigningAlgThenInconsistent(String alg) {
        ObjectNode rsa = key(TestKeys.RSA);
        rsa.put("use", "sig");
        rsa.put("alg", alg);

        assertThat(errors(check(rsa, key(TestKeys.EC))))
                .extracting(Finding::code)
                .containsExactly(FindingCode.JWK_INCONSISTENT);
    }

    @Test
    void checkJwksWhenOnlyEncryptionKeysThenEmptyOfSigningKeys() {
        ObjectNode rsa = key(TestKeys.RSA);
        rsa.put("use", "enc");
        rsa.remove("alg"); // an encryption key would name RSA-OAEP, not RS256

        assertThat(errors(check(rsa))).extracting(Finding::code).containsExactly(FindingCode.JWKS_EMPTY);
    }

    @Test
    void checkJwksWhenSymmetricKeyPublishedThenPrivateParameters() {
        ObjectNode oct =
                JSON.createObjectNode().put("kty", "oct").put("kid", "h").put("k", "c2VjcmV0LXNlY3JldC1zZWNyZXQ");

        List<Finding> findings = check(oct, key(TestKeys.RSA));

        assertThat(errors(findings)).extracting(Finding::code).containsExactly(FindingCode.JWK_PRIVATE_PARAMETERS);
        assertThat(findings.toString()).doesNotContain("c2VjcmV0LXNlY3JldC1zZWNyZXQ");
    }

    @Test
    void checkJwksWhenEcPointNotOnCurveThenUnreadable() {
        ObjectNode ec = key(TestKeys.EC);
        ec.put("y", ec.get("x").stringValue());

        assertThat(errors(check(ec, key(TestKeys.RSA))))
                .extracting(Finding::code)
                .containsExactly(FindingCode.JWK_UNREADABLE);
    }

    @Test
    void checkJwksWhenX5cHoldsAnotherKeyThenMismatchWarning() {
        ObjectNode rsa = key(TestKeys.RSA);
        rsa.putArray("x5c").add(RealFixtures.x5c(RealFixtures.GITHUB_JWKS, RealFixtures.GITHUB_KID));

        List<Finding> findings = check(rsa);

        assertThat(findings)
                .extracting(Finding::code)
                .contains(FindingCode.JWK_X5C_REPORTED, FindingCode.JWK_X5C_MISMATCH);
        assertThat(errors(findings)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "null",
                "{}",
                "{\"keys\": {}}",
                "{\"keys\": 5}",
                "{\"keys\":[1,\"x\",null]}",
                "{\"keys\":[{}]}",
                "{\"keys\":[{\"kty\":\"RSA\"}]}",
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":5}]}",
                "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"!!!\",\"e\":\"AQAB\",\"kid\":\"a\"}]}",
                "{\"a\":1,\"a\":2}"
            })
    void checkJwksWhenHostileOrMalformedThenFindingsNeverAnException(String text) {
        List<Finding> findings = IdpChecks.checkJwks(text);

        assertThat(errors(findings)).isNotEmpty();
    }

    @Test
    void checkJwksWhenNestedTooDeepThenInvalidNotStackOverflow() {
        String deep = "{\"keys\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(IdpChecks.checkJwks(deep)).extracting(Finding::code).containsExactly(FindingCode.JWKS_INVALID);
    }

    @Test
    void checkJwksWhenOnlyOneEncryptionKeyThenEmptyAndTheCountReadsAsEnglish() {
        ObjectNode enc = key(TestKeys.RSA).put("use", "enc");
        enc.remove("alg"); // an encryption key would name RSA-OAEP, not RS256

        assertThat(errors(check(enc))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.JWKS_EMPTY);
            assertThat(f.actual()).isEqualTo("1 key, not usable for signatures");
        });
    }
}
