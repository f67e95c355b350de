package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestTokens;
import org.junit.jupiter.api.Test;

class DecodedTokenTest {

    @Test
    void decodeWhenSignedTokenThenHeaderAndClaimsWithoutFindings() {
        DecodedToken.Decoding decoding = DecodedToken.decode(TestTokens.mcp().signRsa());

        assertThat(decoding.findings()).isEmpty();
        DecodedToken token = decoding.token().orElseThrow();
        assertThat(token.header().orElseThrow().path("alg").stringValue()).isEqualTo("RS256");
        assertThat(token.claims().orElseThrow().path("tenant_id").stringValue()).isEqualTo("acme");
        assertThat(token.signatureBytes()).isEqualTo(256);
        assertThat(token.signaturePreview()).contains("redacted").hasSizeLessThan(40);
    }

    @Test
    void decodeWhenOpaqueTokenThenOpaqueFindingAndNothingDecoded() {
        DecodedToken.Decoding decoding = DecodedToken.decode("2YotnFZFEjr1zCsicMWpAA");

        assertThat(decoding.token()).isEmpty();
        assertThat(decoding.findings()).extracting(Finding::code).containsExactly(FindingCode.TOKEN_OPAQUE);
    }

    @Test
    void decodeWhenClaimsHaveDuplicateMembersThenHeaderKeptAndFindingAtClaims() {
        String token = TestTokens.encode("{\"alg\":\"RS256\"}") + "."
                + TestTokens.encode("{\"sub\":\"a\",\"sub\":\"b\"}") + ".c2ln";

        DecodedToken.Decoding decoding = DecodedToken.decode(token);

        assertThat(decoding.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.JSON_DUPLICATE_MEMBER, "/claims"));
        assertThat(decoding.token().orElseThrow().header()).isPresent();
        assertThat(decoding.token().orElseThrow().claims()).isEmpty();
    }

    @Test
    void decodeWhenNullOrHugeThenFindingNeverException() {
        assertThat(DecodedToken.decode(null).findings())
                .extracting(Finding::code)
                .containsExactly(FindingCode.TOKEN_EMPTY);
        assertThat(DecodedToken.decode("a.".repeat(600_000)).findings())
                .extracting(Finding::code)
                .containsExactly(FindingCode.TOKEN_TOO_LARGE);
    }
}
