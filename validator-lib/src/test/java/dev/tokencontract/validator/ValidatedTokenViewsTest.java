package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestTokens;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The plain Java views of a validated token: no Jackson type needed by an integration. */
class ValidatedTokenViewsTest {

    private static ValidatedToken validated(TestTokens token) throws Exception {
        return Judge.withoutLeeway(Contracts.load("mcp-access-token@1.0.0"))
                .validate(token.signRsa())
                .validated()
                .orElseThrow();
    }

    @Test
    void claimsMapWhenAcceptedThenPlainJavaValues() throws Exception {
        ValidatedToken token = validated(TestTokens.mcp());

        Map<String, Object> claims = token.claimsMap();

        assertThat(claims.get("sub")).isEqualTo("alice@example.test");
        assertThat(claims.get("tenant_id")).isEqualTo("acme");
        assertThat(claims.get("exp")).isEqualTo(1795654800L);
        assertThat(claims.keySet()).containsAll(List.of("iss", "aud", "exp", "iat", "sub"));
        assertThat(claims.values())
                .noneMatch(v -> v != null && v.getClass().getName().startsWith("tools.jackson"));
    }

    @Test
    void headerMapWhenAcceptedThenAlgKidAndTyp() throws Exception {
        Map<String, Object> header = validated(TestTokens.mcp()).headerMap();

        assertThat(header)
                .containsEntry("alg", "RS256")
                .containsEntry("kid", "rsa-1")
                .containsKey("typ");
    }

    @Test
    void mapsWhenChangedByCallerThenRefused() throws Exception {
        ValidatedToken token = validated(TestTokens.mcp().claimArray("roles", "reader", "writer"));

        assertThatThrownBy(() -> token.claimsMap().put("sub", "mallory"))
                .isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked") // the view's documented shape: a JSON array is a List<Object>
        List<Object> roles = (List<Object>) token.claimsMap().get("roles");
        assertThat(roles).containsExactly("reader", "writer");
        assertThatThrownBy(() -> roles.add("admin")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(token.subject()).isEqualTo("alice@example.test");
    }

    @Test
    void timesWhenPresentThenInstants() throws Exception {
        ValidatedToken token = validated(TestTokens.mcp());

        assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1795654800L));
        assertThat(token.issuedAt()).contains(Instant.ofEpochSecond(1795651200L));
        assertThat(token.notBefore()).contains(Instant.ofEpochSecond(1795651200L));
    }

    @Test
    void timesWhenAbsentThenEmpty() throws Exception {
        ValidatedToken token = validated(TestTokens.mcp().without("nbf"));

        assertThat(token.notBefore()).isEmpty();
    }

    @Test
    void plainValueWhenBigOrFractionalNumberThenBigIntegerOrBigDecimal() throws Exception {
        ValidatedToken token = validated(TestTokens.mcp()
                .claim("x_big", JsonNodeFactory.instance.numberNode(new BigInteger("123456789012345678901234567890")))
                .claim("x_ratio", JsonNodeFactory.instance.numberNode(0.5)));

        assertThat(token.claimsMap().get("x_big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(token.claimsMap().get("x_ratio"))
                .isInstanceOf(java.math.BigDecimal.class)
                .hasToString("0.5");
    }
}
