package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokencontractJwtDecoderTest {

    private static TokencontractJwtDecoder decoder(KeySource keys) throws Exception {
        return new TokencontractJwtDecoder(TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .keys(keys)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(FreshTokens.RESOURCE)
                .build());
    }

    private static TokencontractJwtDecoder decoder() throws Exception {
        return decoder(KeySource.jwks(TestKeys.publicJwks()));
    }

    @Test
    void decodeWhenTokenConformsThenJwtWithVerifiedHeaderAndSpringConvertedClaims() throws Exception {
        String token = FreshTokens.fresh().signRsa();

        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getTokenValue()).isEqualTo(token);
        assertThat(jwt.getHeaders())
                .containsEntry("typ", "at+jwt")
                .containsEntry("kid", "rsa-1")
                .containsEntry("alg", "RS256");
        assertThat(jwt.getSubject()).isEqualTo("alice@example.test");
        assertThat(jwt.getAudience()).containsExactly(FreshTokens.RESOURCE);
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("support");
        assertThat(jwt.getClaimAsString("tenant_id")).isEqualTo("acme");
    }

    @Test
    void decodeWhenSeveralRulesBrokenThenOneBadJwtExceptionListingEveryFindingCode() throws Exception {
        String token = FreshTokens.forAudience("https://other.example.test/mcp")
                .header("typ", "JWT")
                .without("tenant_id")
                .signRsa();

        JwtValidationException e = catchThrowableOfType(
                JwtValidationException.class, () -> decoder().decode(token));

        assertThat(e).isInstanceOf(BadJwtException.class);
        assertThat(e.getMessage()).isEqualTo("token rejected: TYP_NOT_ALLOWED, AUD_MISMATCH, CLAIM_MISSING");
        List<String> descriptions =
                e.getErrors().stream().map(OAuth2Error::getDescription).toList();
        assertThat(descriptions).hasSize(4);
        assertThat(descriptions.get(1)).startsWith("TYP_NOT_ALLOWED at /header/typ: ");
        assertThat(descriptions.get(2)).startsWith("AUD_MISMATCH at /claims/aud: ");
        assertThat(descriptions.get(3)).startsWith("CLAIM_MISSING at /claims/tenant_id: ");
        assertThat(e.getErrors()).extracting(OAuth2Error::getErrorCode).containsOnly("invalid_token");
        assertThat(String.join(" ", descriptions)).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void decodeWhenSignedByAnotherKeyThenRejectedNotAccepted() throws Exception {
        JwtValidationException e = catchThrowableOfType(
                JwtValidationException.class,
                () -> decoder().decode(FreshTokens.fresh().signRsa(TestKeys.OTHER_RSA)));

        assertThat(e.getMessage()).isEqualTo("token rejected: SIGNATURE_INVALID");
    }

    @Test
    void decodeWhenKeysUnreachableThenTokenUncheckedExceptionWhichIsNotABadJwt() throws Exception {
        TokencontractJwtDecoder unreachable = decoder(KeySource.jwksUrl(URI.create("http://127.0.0.1:1/jwks.json")));

        TokenUncheckedException e = catchThrowableOfType(
                TokenUncheckedException.class,
                () -> unreachable.decode(FreshTokens.fresh().signRsa()));

        assertThat(e).isNotInstanceOf(BadJwtException.class);
        assertThat(e.getMessage()).isEqualTo("the token could not be checked: KEY_SOURCE_UNAVAILABLE");
        assertThat(e.findings()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "....", "\u0000.\u0000.\u0000"})
    void decodeWhenHostileInputThenBadJwtExceptionNeverAnotherException(String token) throws Exception {
        TokencontractJwtDecoder decoder = decoder();

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(BadJwtException.class)
                .hasMessageStartingWith("token rejected: ");
    }

    @Test
    void decodeWhenTokenIsHugeThenRejectedAsTooLarge() throws Exception {
        String huge = FreshTokens.fresh().claim("padding", "x".repeat(100_000)).signRsa();

        assertThatThrownBy(() -> decoder().decode(huge))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("token rejected: TOKEN_TOO_LARGE");
    }
}
