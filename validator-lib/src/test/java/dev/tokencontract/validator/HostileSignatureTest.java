package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertHasError;
import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.RawJws;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacks on the signature itself: stripped, cut, flipped, reused, forged with the wrong key or no key. */
class HostileSignatureTest {
    /** The order n of P-256: r = s = n is as "zero" as r = s = 0 modulo n. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @Test
    void validateWhenSignatureStrippedThenSignatureMissing() {
        ValidationReport report = judge(Judge.mcpWithJwks(), TestTokens.mcp().unsigned());

        assertRejected(report, FindingCode.SIGNATURE_MISSING, "/signature");
    }

    @Test
    void validateWhenSignatureAndItsDotStrippedThenMalformed() {
        ValidationReport report = judge(Judge.mcpWithJwks(), TestTokens.mcp().signingInput());

        assertRejected(report, FindingCode.TOKEN_MALFORMED, "");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 128, 255})
    void validateWhenSignatureTruncatedThenSignatureInvalid(int removedBytes) {
        String token = TestTokens.mcp().signRsa();
        byte[] signature = new Base64URL(token.substring(token.lastIndexOf('.') + 1)).decode();
        byte[] truncated = Arrays.copyOf(signature, signature.length - removedBytes);

        ValidationReport report = judge(Judge.mcpWithJwks(), RawJws.withSignature(token, TestTokens.encode(truncated)));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenSignatureTruncatedToImpossibleLengthThenBase64Invalid() {
        String token = TestTokens.mcp().signRsa(); // 342 signature characters; 341 cannot be base64url

        ValidationReport report = judge(Judge.mcpWithJwks(), token.substring(0, token.length() - 1));

        assertRejected(report, FindingCode.BASE64URL_INVALID, "/signature");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 128, 255})
    void validateWhenSignatureBitFlippedThenSignatureInvalid(int byteIndex) {
        String token = TestTokens.mcp().signRsa();
        byte[] signature = new Base64URL(token.substring(token.lastIndexOf('.') + 1)).decode();
        signature[byteIndex] ^= 0x01;

        ValidationReport report = judge(Judge.mcpWithJwks(), RawJws.withSignature(token, TestTokens.encode(signature)));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenSignatureLastCharacterNonCanonicalThenBase64Invalid() {
        // 256 signature bytes end in a 2-character group whose last character carries 4 unused bits.
        // Setting one of them changes the token text but not the decoded signature: a lenient decoder
        // would accept a second spelling of the same token (replay caches and token hashes miss it).
        String token = TestTokens.mcp().signRsa();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) | 0x01);
        String respelled = token.substring(0, token.length() - 1) + sameBytes;

        ValidationReport report = judge(Judge.mcpWithJwks(), respelled);

        assertThat(respelled).isNotEqualTo(token);
        assertRejected(report, FindingCode.BASE64URL_INVALID, "/signature");
    }

    @Test
    void validateWhenClaimsTamperedUnderOldSignatureThenSignatureInvalid() {
        String genuine = TestTokens.mcp().signRsa();
        String escalated = TestTokens.mcp()
                .claimArray("roles", "admin")
                .claim("tenant_id", "victim")
                .signingInput();

        ValidationReport report =
                judge(Judge.mcpWithJwks(), RawJws.withClaims(genuine, escalated.split("\\.")[1]));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenHeaderTamperedUnderOldSignatureThenSignatureInvalid() {
        String genuine = TestTokens.mcp().signRsa();
        String otherHeader = TestTokens.mcp()
                .header("typ", "application/at+jwt")
                .signingInput()
                .split("\\.")[0];

        ValidationReport report = judge(Judge.mcpWithJwks(), otherHeader + genuine.substring(genuine.indexOf('.')));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenSignedByAnotherKeyWithoutKidThenNotVerifiable() {
        String token = TestTokens.mcp().withoutHeader("kid").signRsa(TestKeys.OTHER_RSA);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.SIGNATURE_NOT_VERIFIABLE, "/signature");
        assertHasError(report, FindingCode.KID_MISSING, "/header/kid");
    }

    static Stream<Arguments> keyConfusion() throws Exception {
        byte[] pem = TestKeys.rsaPublicPem().getBytes(StandardCharsets.US_ASCII);
        byte[] der = TestKeys.RSA.toRSAPublicKey().getEncoded();
        byte[] jwk = TestKeys.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        return Stream.of("PEM", "DER", "JWK-JSON").flatMap(form -> {
            byte[] secret = form.equals("PEM") ? pem : form.equals("DER") ? der : jwk;
            return Stream.of(Arguments.of(form, secret, "JWKS"), Arguments.of(form, secret, "PEM"));
        });
    }

    @ParameterizedTest(name = "public key as {0} HMAC secret, validator with {2}")
    @MethodSource("keyConfusion")
    void validateWhenHs256SignedWithRsaPublicKeyThenKeyAlgMismatch(String form, byte[] secret, String source)
            throws Exception {
        // Even a contract that (carelessly) allows HS256 beside RS256 cannot turn the RSA key into an HMAC key.
        KeySource keys =
                source.equals("JWKS") ? KeySource.jwks(TestKeys.publicJwks()) : KeySource.pem(TestKeys.rsaPublicPem());
        TokenValidator validator = Judge.validator(TestContracts.mcpAllowing("test-mixed", "RS256", "HS256"), keys);
        String token = TestTokens.mcp().header("alg", "HS256").signHmac(secret);

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.KEY_ALG_MISMATCH, "/header/alg");
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isFalse();
    }

    @Test
    void validateWhenHs256SignedWithRsaPublicKeyAgainstMcpContractThenAlgNotAllowedAndKeyAlgMismatch() {
        String token = TestTokens.mcp()
                .header("alg", "HS256")
                .signHmac(TestKeys.rsaPublicPem().getBytes(StandardCharsets.US_ASCII));

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.ALG_NOT_ALLOWED, "/header/alg");
        assertHasError(report, FindingCode.KEY_ALG_MISMATCH, "/header/alg");
    }

    @Test
    void validateWhenHmacWithEmptyKeyAgainstConfiguredSecretThenSignatureInvalid() throws Exception {
        TokenValidator validator = Judge.validator(
                TestContracts.mcpAllowing("test-hmac", "HS256"), KeySource.secret(TestKeys.HMAC_SECRET));
        String token = RawJws.signHs256(TestTokens.mcp().header("alg", "HS256").signingInput(), new byte[0]);

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenHmacWithEmptyKeyAgainstJwksWithEmptyOctKeyThenKeyUnsupported() throws Exception {
        KeySource keys = KeySource.jwks("""
                {"keys": [{"kty": "oct", "kid": "rsa-1", "k": ""}]}
                """);
        TokenValidator validator = Judge.validator(TestContracts.mcpAllowing("test-hmac", "HS256"), keys);
        String token = RawJws.signHs256(TestTokens.mcp().header("alg", "HS256").signingInput(), new byte[0]);

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.KEY_UNSUPPORTED, "/header/kid");
    }

    @Test
    void validateWhenHmacWithEmptyKeyAgainstZeroFilledOctKeyThenKeyUnsupported() throws Exception {
        // HMAC zero-pads keys, so a 32-byte all-zero key (an unset buffer, a placeholder) is the empty key.
        byte[] zeros = new byte[32];
        assertThat(RawJws.hmacSha256(zeros, new byte[] {1})).isEqualTo(RawJws.hmacSha256(new byte[0], new byte[] {1}));
        KeySource keys = KeySource.jwks("""
                {"keys": [{"kty": "oct", "kid": "rsa-1", "k": "%s"}]}
                """.formatted(TestTokens.encode(zeros)));
        TokenValidator validator = Judge.validator(TestContracts.mcpAllowing("test-hmac", "HS256"), keys);
        String token = RawJws.signHs256(TestTokens.mcp().header("alg", "HS256").signingInput(), new byte[0]);

        ValidationReport report = judge(validator, token);

        assertRejected(report, FindingCode.KEY_UNSUPPORTED, "/header/kid");
    }

    @Test
    void secretWhenZeroFilledThenRefusedAsEmptyKeyEquivalent() {
        assertThatThrownBy(() -> KeySource.secret(new byte[32]))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("entropy");
    }

    static Stream<Arguments> psychicSignatures() {
        byte[] order = fixedLength(P256_ORDER, 32);
        byte[] rawOrder = new byte[64];
        System.arraycopy(order, 0, rawOrder, 0, 32);
        System.arraycopy(order, 0, rawOrder, 32, 32);
        return Stream.of(
                Arguments.of("r = s = 0 (raw R||S)", new byte[64]),
                Arguments.of("r = s = 0 (DER)", HexFormat.of().parseHex("3006020100020100")),
                Arguments.of("r = s = n (raw R||S)", rawOrder));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("psychicSignatures")
    void validateWhenEcdsaPsychicSignatureThenSignatureInvalid(String label, byte[] signature) {
        // CVE-2022-21449: Java 15-18 ECDSA accepted r = s = 0 for any message and key.
        String input = TestTokens.mcp()
                .header("alg", "ES256")
                .header("kid", TestKeys.EC.getKeyID())
                .signingInput();

        ValidationReport report = judge(Judge.mcpWithJwks(), input + "." + TestTokens.encode(signature));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenEs256SignedByTestKeyThenAcceptedAsControl() {
        // The control for the psychic cases: the same token, honestly signed, passes.
        String token = TestTokens.mcp()
                .header("alg", "ES256")
                .header("kid", TestKeys.EC.getKeyID())
                .signEc(TestKeys.EC);

        assertThat(judge(Judge.mcpWithJwks(), token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    private static byte[] fixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        return bytes.length == length ? bytes : Arrays.copyOfRange(bytes, bytes.length - length, bytes.length);
    }
}
