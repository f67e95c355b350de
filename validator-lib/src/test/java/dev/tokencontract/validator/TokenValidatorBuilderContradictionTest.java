package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The builder refuses a call that contradicts an earlier one, at the call (issue 10 item 3). */
class TokenValidatorBuilderContradictionTest {

    private static TokenValidator.Builder builder() throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .keys(KeySource.none());
    }

    @Test
    void ignoreIssuerWhenIssuerExpectedThenRefused() throws Exception {
        TokenValidator.Builder builder = builder().expectIssuer(TestTokens.ISSUER);

        assertThatThrownBy(builder::ignoreIssuer)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ignoreIssuer() contradicts the earlier expectIssuer(...)");
    }

    @Test
    void expectIssuerWhenIssuerIgnoredThenRefused() throws Exception {
        TokenValidator.Builder builder = builder().ignoreIssuer();

        assertThatThrownBy(() -> builder.expectIssuer(TestTokens.ISSUER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expectIssuer(...) contradicts the earlier ignoreIssuer()");
    }

    @Test
    void expectIssuerWhenAnotherIssuerExpectedThenRefused() throws Exception {
        TokenValidator.Builder builder = builder().expectIssuer(TestTokens.ISSUER);

        assertThatThrownBy(() -> builder.expectIssuer("https://other.example.test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expectIssuer(...) was already called");
    }

    @Test
    void expectIssuerWhenSameIssuerRepeatedThenAccepted() throws Exception {
        TokenValidator validator = builder()
                .expectIssuer(TestTokens.ISSUER)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .build();

        assertThat(validator).isNotNull();
    }

    @Test
    void ignoreAudienceWhenAudienceExpectedThenRefused() throws Exception {
        TokenValidator.Builder builder = builder().expectAudience(TestTokens.AUDIENCE);

        assertThatThrownBy(builder::ignoreAudience)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ignoreAudience() contradicts the earlier expectAudience(...)");
    }

    @Test
    void expectAudienceWhenAudienceIgnoredThenRefused() throws Exception {
        TokenValidator.Builder builder = builder().ignoreAudience();

        assertThatThrownBy(() -> builder.expectAudience(TestTokens.AUDIENCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expectAudience(...) contradicts the earlier ignoreAudience()");
    }

    @Test
    void expectAudienceWhenCalledTwiceThenAcceptsBoth() throws Exception {
        TokenValidator validator = builder()
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .expectAudience("https://second.example.test/mcp")
                .build();

        assertThat(validator).isNotNull();
    }

    @Test
    void contractWhenAnotherContractGivenThenRefused() throws Exception {
        Contract other = Contracts.load("rfc9068-access-token");
        TokenValidator.Builder builder = builder();

        assertThatThrownBy(() -> builder.contract(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contract(...) was already called");
    }

    @Test
    void keysWhenOtherKeysGivenThenRefused() throws Exception {
        TokenValidator.Builder builder = builder();
        KeySource other = KeySource.secret(
                "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> builder.keys(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keys(...) was already called");
    }
}
