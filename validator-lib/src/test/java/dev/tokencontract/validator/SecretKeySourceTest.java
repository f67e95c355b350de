package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.validator.testing.TestKeys;
import dev.tokencontract.validator.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * HMAC secrets given to {@link KeySource#secret(byte[])} are wiped after loading; the verifier must keep
 * its own copy. Found by the benchmark's set-up check: the verifier used to hold the wiped (all-zero)
 * array, so real HS256 tokens were rejected and tokens signed with zero bytes were accepted.
 */
class SecretKeySourceTest {

    private static TokenValidator hs256Validator() throws Exception {
        ObjectNode document = (ObjectNode) Contracts.load("mcp-access-token@1.0.0").document();
        ((ObjectNode) document.get("x-jose")).putArray("alg").add("HS256");
        return TokenValidator.builder()
                .contract(Contracts.parse(document.toString()))
                .keys(KeySource.secret(TestKeys.HMAC_SECRET))
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .leeway(Duration.ZERO)
                .build();
    }

    @Test
    void validateWhenHs256TokenSignedWithConfiguredSecretThenAccepted() throws Exception {
        String token = TestTokens.mcp().header("alg", "HS256").signHmac(TestKeys.HMAC_SECRET);

        ValidationReport report = hs256Validator().validate(token);

        assertThat(report.errors()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void validateWhenHs256TokenSignedWithZeroBytesThenRejected() throws Exception {
        String token = TestTokens.mcp().header("alg", "HS256").signHmac(new byte[TestKeys.HMAC_SECRET.length]);

        ValidationReport report = hs256Validator().validate(token);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.SIGNATURE_INVALID)).isTrue();
    }

    @Test
    void secretWhenCallerWipesItsArrayAfterwardsThenKeyStillVerifies() throws Exception {
        byte[] secret = TestKeys.HMAC_SECRET.clone();
        KeySource keys = KeySource.secret(secret);
        Arrays.fill(secret, (byte) 0);
        String token = TestTokens.mcp().header("alg", "HS256").signHmac(TestKeys.HMAC_SECRET);

        TokenValidator validator = TokenValidator.builder()
                .contract(hs256Validator().contract())
                .keys(keys)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .build();

        assertThat(validator.validate(token).verdict()).isEqualTo(Verdict.ACCEPTED);
    }
}
