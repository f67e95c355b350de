package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.RawJws;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacks on the container: wrong kind of token, oversized, unreadable bytes, ambiguous or deep JSON. */
class HostileShapeTest {
    private static final String HEADER = """
            {"alg":"RS256","typ":"at+jwt","kid":"rsa-1"}""";

    @Test
    void validateWhenJweWhereJwsExpectedThenTokenIsJwe() throws Exception {
        JWEObject jwe = new JWEObject(
                new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                new Payload(TestTokens.mcp().claimsNode().toString()));
        jwe.encrypt(new RSAEncrypter(TestKeys.RSA.toRSAPublicKey()));
        String token = jwe.serialize();

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertThat(token.split("\\.", -1)).hasSize(5);
        assertRejected(report, FindingCode.TOKEN_IS_JWE, "");
    }

    @Test
    void validateWhenHeaderHasDuplicateAlgThenDuplicateMember() {
        // Parsers disagree on which "alg" wins; a validator and a downstream library must never disagree.
        String header = """
                {"alg":"RS256","typ":"at+jwt","kid":"rsa-1","alg":"none"}""";
        String token = RawJws.signRs256(header, TestTokens.mcp().claimsNode().toString());

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.JSON_DUPLICATE_MEMBER, "/header");
    }

    @Test
    void validateWhenClaimsHaveDuplicateSubThenDuplicateMember() {
        String claims = prependMember("\"sub\":\"mallory@example.test\"");
        String token = RawJws.signRs256(HEADER, claims);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.JSON_DUPLICATE_MEMBER, "/claims");
    }

    @Test
    void validateWhenDuplicateMemberHiddenByEscapeThenDuplicateMember() {
        // The added member spells "roles" with a JSON escape: the duplicate shows only after unescaping.
        String claims = prependMember("\"rol\\u0065s\":[\"admin\"]");
        String token = RawJws.signRs256(HEADER, claims);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.JSON_DUPLICATE_MEMBER, "/claims");
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100, 5000})
    void validateWhenClaimsNestedDeeplyThenJsonLimitExceeded(int depth) {
        String claims = "{\"act\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        String token = RawJws.signRs256(HEADER, claims);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.JSON_LIMIT_EXCEEDED, "/claims");
    }

    @Test
    void validateWhenHeaderNestedDeeplyThenJsonLimitExceeded() {
        String header = "{\"alg\":\"RS256\",\"x\":" + "{\"y\":".repeat(200) + "1" + "}".repeat(200) + "}";
        String token = RawJws.signRs256(header, TestTokens.mcp().claimsNode().toString());

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.JSON_LIMIT_EXCEEDED, "/header");
    }

    @Test
    void validateWhenTokenIsOneMegabyteThenTooLargeBeforeAnyDecoding() {
        String padding = "A".repeat(1024 * 1024);
        String token = TestTokens.mcp().claim("padding", padding).signRsa();

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertThat(token.length()).isGreaterThan(1024 * 1024);
        assertRejected(report, FindingCode.TOKEN_TOO_LARGE, "");
        assertThat(report.decoded()).isEmpty();
    }

    @Test
    void validateWhenTokenOneCharacterOverLimitThenTooLarge() {
        String token = TestTokens.mcp().signRsa();
        TokenValidator tight = TokenValidator.builder()
                .contract(Judge.mcpWithJwks().contract())
                .keys(KeySource.none())
                .ignoreIssuer()
                .ignoreAudience()
                .maxTokenChars(token.length() - 1)
                .build();

        assertRejected(judge(tight, token), FindingCode.TOKEN_TOO_LARGE, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "80", "c0af", "eda080", "e282", "f4908080"})
    void validateWhenClaimsAreInvalidUtf8ThenUtf8Invalid(String badBytesHex) {
        byte[] claims = utf8With("{\"sub\":\"", HexFormat.of().parseHex(badBytesHex), "\"}");
        String token = RawJws.signRs256(HEADER.getBytes(StandardCharsets.UTF_8), claims);

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.UTF8_INVALID, "/claims");
    }

    @Test
    void validateWhenHeaderIsInvalidUtf8ThenUtf8Invalid() {
        byte[] header = utf8With("{\"alg\":\"RS256\",\"kid\":\"", new byte[] {(byte) 0xc3, (byte) 0x28}, "\"}");
        String token = RawJws.signRs256(
                header, TestTokens.mcp().claimsNode().toString().getBytes(StandardCharsets.UTF_8));

        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertRejected(report, FindingCode.UTF8_INVALID, "/header");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2YotnFZFEjr1zCsicMWpAA",
                "gho_16C7e42F292c6912E7710c838347Ae178B4a",
                "ya29.a0AfH6SMBx-example-google-access-token"
            })
    void validateWhenOpaqueTokenThenTokenOpaqueWithContractHint(String opaque) {
        ValidationReport report = judge(Judge.mcpWithJwks(), opaque);

        assertRejected(report, FindingCode.TOKEN_OPAQUE, "");
        Finding finding = Judge.finding(report, FindingCode.TOKEN_OPAQUE);
        assertThat(finding.hint())
                .contains("JWT access token")
                .contains("contract")
                .contains("RFC 9068");
    }

    @Test
    void validateWhenFourPartsOfJwtThenMalformedNotOpaque() {
        ValidationReport report = judge(Judge.mcpWithJwks(), TestTokens.mcp().signRsa() + ".extra");

        assertRejected(report, FindingCode.TOKEN_MALFORMED, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "."})
    void validateWhenEmptyOrDotsOnlyThenRejected(String token) {
        ValidationReport report = judge(Judge.mcpWithJwks(), token);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.errors())
                .extracting(Finding::code)
                .containsAnyOf(FindingCode.TOKEN_EMPTY, FindingCode.TOKEN_MALFORMED);
    }

    @Test
    void validateWhenNullTokenThenTokenEmpty() {
        assertRejected(judge(Judge.mcpWithJwks(), null), FindingCode.TOKEN_EMPTY, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "\"at+jwt\"", "42"})
    void validateWhenHeaderIsJsonButNotObjectThenJsonNotObject(String header) {
        String token = RawJws.signRs256(header, TestTokens.mcp().claimsNode().toString());

        assertRejected(judge(Judge.mcpWithJwks(), token), FindingCode.JSON_NOT_OBJECT, "/header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "/", " ", "\u00e9"})
    void validateWhenPartHasCharacterOutsideBase64UrlThenBase64Invalid(String intruder) {
        String token = TestTokens.mcp().signRsa();
        int dot = token.indexOf('.');

        ValidationReport report =
                judge(Judge.diagnosing(), token.substring(0, dot + 4) + intruder + token.substring(dot + 4));

        assertRejected(report, FindingCode.BASE64URL_INVALID, "/claims");
    }

    /** The sample claims with one more member written first, as raw text (the serializer cannot duplicate). */
    private static String prependMember(String member) {
        String claims = TestTokens.mcp().claimsNode().toString();
        return "{" + member + "," + claims.substring(1);
    }

    private static byte[] utf8With(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
