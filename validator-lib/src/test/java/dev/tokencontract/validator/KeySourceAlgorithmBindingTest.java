package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The key decides the algorithm: its own "alg", its type and size; never the token header alone. */
class KeySourceAlgorithmBindingTest {

    @Test
    void validateWhenRsaKeyBoundToRs256AndTokenIsPs256ThenKeyAlgMismatch() throws Exception {
        RSAKey bound = new RSAKey.Builder(TestKeys.RSA.toRSAPublicKey())
                .keyID("rsa-1")
                .algorithm(JWSAlgorithm.RS256)
                .build();
        TokenValidator validator =
                Judge.validator(Judge.mcpWithJwks().contract(), KeySource.jwks(new JWKSet(bound).toString()));
        // PS256 is in the contract's allow-list and the signature is genuine: only the key's "alg" refuses it.
        String token = TestTokens.mcp().header("alg", "PS256").signRsa();

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.KEY_ALG_MISMATCH, "/header/alg");
        assertThat(report.has(FindingCode.ALG_NOT_ALLOWED)).isFalse();
        assertThat(Judge.finding(report, FindingCode.KEY_ALG_MISMATCH).expected())
                .contains("RS256");
    }

    @Test
    void validateWhenRsaKeyWithoutAlgAndTokenIsPs256ThenKeyAlgUnbound() throws Exception {
        // The case above without "alg" on the key: the contract allows RS256 and PS256 for an RSA key, so
        // nothing binds it to one (RFC 8725 section 3.1); the genuine PS256 signature is not trusted.
        TokenValidator validator = Judge.validator(
                Judge.mcpWithJwks().contract(),
                KeySource.jwks(new JWKSet(KeyWithoutAlgTest.rsaWithoutAlg()).toString()));

        ValidationReport report =
                judge(validator, TestTokens.mcp().header("alg", "PS256").signRsa());

        assertRejected(report, FindingCode.KEY_ALG_UNBOUND, "/header/alg");
    }

    @Test
    void validateWhenEcP256KeyAndTokenIsEs384ThenKeyAlgMismatch() throws Exception {
        TokenValidator validator =
                Judge.validator(Contracts.load("rfc9068-access-token@1.0.0"), KeySource.jwks(TestKeys.publicJwks()));
        byte[] signature = new byte[96];
        new Random(384).nextBytes(signature);
        String token =
                TestTokens.mcp().header("alg", "ES384").header("kid", "ec-1").signingInput() + "."
                        + TestTokens.encode(signature);

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.KEY_ALG_MISMATCH, "/header/alg");
        assertThat(Judge.finding(report, FindingCode.KEY_ALG_MISMATCH).expected())
                .contains("ES256");
    }

    @Test
    void validateWhenRsaTokenNamesEcKeyThenKeyAlgMismatch() throws Exception {
        String token = TestTokens.mcp().header("kid", "ec-1").signRsa();

        assertRejected(judge(Judge.mcpWithJwks(), token), FindingCode.KEY_ALG_MISMATCH, "/header/alg");
    }

    @Test
    void validateWhenRsaKeyHas1024BitsThenKeyUnsupported() throws Exception {
        KeyPair weak = rsa1024();
        RSAKey weakJwk = new RSAKey.Builder((RSAPublicKey) weak.getPublic())
                .keyID("weak")
                .keyUse(KeyUse.SIGNATURE)
                .build();
        TokenValidator validator =
                Judge.validator(Judge.mcpWithJwks().contract(), KeySource.jwks(new JWKSet(weakJwk).toString()));
        String input = TestTokens.mcp().header("kid", "weak").signingInput();

        ValidationReport report = judge(validator, input + "." + TestTokens.encode(sha256WithRsa(weak, input)));

        assertRejected(report, FindingCode.KEY_UNSUPPORTED, "/header/kid");
        assertThat(Judge.finding(report, FindingCode.KEY_UNSUPPORTED).message())
                .contains("2048")
                .startsWith("Key 'weak', RSA 1024-bit cannot be used")
                .doesNotContain("key key");
    }

    @Test
    void pemWhenRsaKeyHas1024BitsThenRefused() throws Exception {
        String pem = KeySourceFileTest.pem("PUBLIC KEY", rsa1024().getPublic().getEncoded());

        assertThatThrownBy(() -> KeySource.pem(pem))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("2048 bits");
    }

    @Test
    void validateWhenRealYahooKeyHas1024BitsThenKeyUnsupported() throws Exception {
        // Yahoo's published set (2024) still lists 1024-bit RSA keys beside a P-256 key.
        KeySource keys = KeySource.jwksFile(FixtureFiles.path("jwks/panva-wellknown__yahoo.jwks.json"));
        String token = TestTokens.mcp().header("kid", "0").signRsa();

        ValidationReport report = judge(Judge.validator(Judge.mcpWithJwks().contract(), keys), token);

        assertRejected(report, FindingCode.KEY_UNSUPPORTED, "/header/kid");
    }

    @Test
    void validateWhenKeyIsForEncryptionThenKeyUnsupported() throws Exception {
        RSAKey encryption = new RSAKey.Builder(TestKeys.RSA.toRSAPublicKey())
                .keyID("rsa-1")
                .keyUse(KeyUse.ENCRYPTION)
                .build();
        TokenValidator validator =
                Judge.validator(Judge.mcpWithJwks().contract(), KeySource.jwks(new JWKSet(encryption).toString()));

        ValidationReport report = judge(validator, TestTokens.mcp().signRsa());

        assertRejected(report, FindingCode.KEY_UNSUPPORTED, "/header/kid");
    }

    @Test
    void validateWhenKeyAlgDoesNotFitKeyTypeThenKeyUnsupported() throws Exception {
        RSAKey mislabelled = new RSAKey.Builder(TestKeys.RSA.toRSAPublicKey())
                .keyID("rsa-1")
                .algorithm(JWSAlgorithm.HS256)
                .build();
        TokenValidator validator =
                Judge.validator(Judge.mcpWithJwks().contract(), KeySource.jwks(new JWKSet(mislabelled).toString()));

        ValidationReport report = judge(validator, TestTokens.mcp().signRsa());

        assertRejected(report, FindingCode.KEY_UNSUPPORTED, "/header/kid");
    }

    private static KeyPair rsa1024() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    private static byte[] sha256WithRsa(KeyPair keys, String input) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }
}
