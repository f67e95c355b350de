package dev.tokencontract.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.util.Base64URL;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fast paths added for the benchmarks (docs/benchmarks.md) must judge exactly as the slow paths
 * they skip: base64url decoding, ASCII text, exact audience match, and the pre-decoded signature.
 */
class HotPathFastPathsTest {

    private static TokenParts parse(String token, List<Finding> findings) {
        return ShapeCheck.parse(token, 32 * 1024, findings);
    }

    @Test
    void parseWhenClaimsContainBase64StandardCharacterThenReportsItsPosition() {
        String[] parts = TestTokens.mcp().signRsa().split("\\.");
        List<Finding> findings = new ArrayList<>();

        parse(parts[0] + "." + parts[1].substring(0, 5) + "+" + parts[1].substring(6) + "." + parts[2], findings);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.BASE64URL_INVALID);
            assertThat(f.pointer()).isEqualTo("/claims");
            assertThat(f.actual()).isEqualTo("character + at position 5");
        });
    }

    @Test
    void parseWhenSignatureIsPaddedThenBase64urlInvalid() {
        List<Finding> findings = new ArrayList<>();

        parse(TestTokens.mcp().signRsa() + "=", findings);

        assertThat(findings)
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.BASE64URL_INVALID, "/signature"));
    }

    @Test
    void parseWhenPartHasImpossibleLengthThenBase64urlInvalid() {
        String token = TestTokens.mcp().signRsa();
        List<Finding> findings = new ArrayList<>();

        parse(token.substring(0, token.lastIndexOf('.')) + ".AAAAA", findings);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.BASE64URL_INVALID);
        assertThat(findings.get(0).actual()).isEqualTo("5 characters");
    }

    @Test
    void parseWhenLastCharacterHasUnusedBitsSetThenNotCanonical() {
        // 256 signature bytes: the last character is one of A, Q, g, w (4 unused bits, all 0); the next one sets a bit
        String token = TestTokens.mcp().signRsa();
        int last = token.length() - 1;
        List<Finding> findings = new ArrayList<>();

        parse(token.substring(0, last) + (char) (token.charAt(last) + 1), findings);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.BASE64URL_INVALID);
            assertThat(f.actual()).isEqualTo("unused bits set in the last character");
        });
    }

    @Test
    void parseWhenClaimsHoldNonAsciiUtf8ThenDecodesThem() {
        String token = TestTokens.mcp().claim("name", "Zoë Ångström 東京").signRsa();
        List<Finding> findings = new ArrayList<>();

        TokenParts parts = parse(token, findings);

        assertThat(findings).isEmpty();
        assertThat(parts.claims().get("name").stringValue()).isEqualTo("Zoë Ångström 東京");
    }

    @Test
    void parseWhenClaimsAreInvalidUtf8ThenUtf8Invalid() {
        byte[] claims = "{\"sub\":\"x\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        String token = TestTokens.encode("{\"alg\":\"RS256\"}") + "." + TestTokens.encode(claims) + ".AAAA";
        List<Finding> findings = new ArrayList<>();

        parse(token, findings);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.UTF8_INVALID);
    }

    @Test
    void audienceWhenOnlySchemeAndHostCaseDifferThenAccepted() {
        JsonNode claims =
                TestTokens.mcp().claim("aud", "HTTPS://MCP.Example.Test/mcp").claimsNode();
        List<Finding> findings = new ArrayList<>();

        IssuerAudienceCheck.audience(claims, Set.of(TestTokens.AUDIENCE), findings);

        assertThat(findings).isEmpty();
    }

    @Test
    void audienceWhenPathCaseDiffersThenMismatch() {
        JsonNode claims =
                TestTokens.mcp().claim("aud", "https://mcp.example.test/MCP").claimsNode();
        List<Finding> findings = new ArrayList<>();

        IssuerAudienceCheck.audience(claims, Set.of(TestTokens.AUDIENCE), findings);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.AUD_MISMATCH);
    }

    @Test
    void decodedSignatureWhenDecodedThenSameBytesAsNimbusAndAFreshCopy() {
        Random random = new Random(42);
        for (int length = 0; length < 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String text = Base64URL.encode(bytes).toString();

            DecodedSignature signature = new DecodedSignature(text, bytes);

            assertThat(signature.decode()).isEqualTo(new Base64URL(text).decode());
            assertThat(signature.decode()).isNotSameAs(signature.decode());
            assertThat(signature).isEqualTo(new Base64URL(text));
            assertThat(signature.toString()).isEqualTo(text);
        }
    }

    @Test
    void checkWhenRsaSignatureHasOneBitFlippedThenSignatureInvalid() {
        String token = TestTokens.mcp().signRsa();
        int dot = token.lastIndexOf('.');
        byte[] signature = new Base64URL(token.substring(dot + 1)).decode();
        signature[17] ^= 0x01;
        String tampered = token.substring(0, dot + 1) + Base64URL.encode(signature);
        List<Finding> findings = new ArrayList<>();
        TokenParts parts = parse(tampered, findings);
        KeyProvider keys = new StaticKeyProvider(
                List.of(JwkKeys.fromJwkSet(TestKeys.publicJwks()).keys().get(0)), "test", List.of());

        VerificationKey verified = SignatureCheck.check(
                parts, "RS256", "rsa-1", keys, false, java.util.Set.of("RS256", "PS256"), findings);

        assertThat(verified).isNull();
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_INVALID);
    }

    @Test
    void checkWhenRsaSignatureIsIntactThenVerified() {
        List<Finding> findings = new ArrayList<>();
        TokenParts parts = parse(TestTokens.mcp().signRsa(), findings);
        KeyProvider keys = new StaticKeyProvider(
                List.of(JwkKeys.fromJwkSet(TestKeys.publicJwks()).keys().get(0)), "test", List.of());

        VerificationKey verified = SignatureCheck.check(
                parts, "RS256", "rsa-1", keys, false, java.util.Set.of("RS256", "PS256"), findings);

        assertThat(verified).isNotNull();
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_VERIFIED);
    }
}
