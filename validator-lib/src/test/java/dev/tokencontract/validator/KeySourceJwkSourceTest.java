package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeySourceJwkSourceTest {

    private static TokenValidator validator(KeySource keys) throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .keys(keys)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .build();
    }

    private static JWKSource<SecurityContext> immutable() throws Exception {
        return new ImmutableJWKSet<>(JWKSet.parse(TestKeys.publicJwks()));
    }

    @Test
    void fromJwkSourceWhenKeyInSourceThenAccepted() throws Exception {
        ValidationReport report = validator(KeySource.fromJwkSource(immutable()))
                .validate(TestTokens.mcp().signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(report.validated().orElseThrow().keyId()).isEqualTo("rsa-1");
    }

    @Test
    void fromJwkSourceWhenKidUnknownThenKidUnknown() throws Exception {
        ValidationReport report = validator(KeySource.fromJwkSource(immutable()))
                .validate(TestTokens.mcp().header("kid", "rotated").signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.KID_UNKNOWN)).isTrue();
    }

    @Test
    void fromJwkSourceWhenTokenNamesEcAlgForRsaKidThenKeyAlgMismatch() throws Exception {
        String token =
                TestTokens.mcp().header("alg", "ES256").header("kid", "rsa-1").signEc(TestKeys.EC);

        ValidationReport report =
                validator(KeySource.fromJwkSource(immutable())).validate(token);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.KEY_ALG_MISMATCH)).isTrue();
    }

    @Test
    void fromJwkSourceWhenSourceFailsThenCouldNotCheckNotRejected() throws Exception {
        JWKSource<SecurityContext> failing = (selector, context) -> {
            throw new KeySourceException("JWKS endpoint answered HTTP 503");
        };

        ValidationReport report = validator(KeySource.fromJwkSource(failing, "JWKS of the test IdP"))
                .validate(TestTokens.mcp().signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(report.has(FindingCode.KEY_SOURCE_UNAVAILABLE)).isTrue();
        assertThat(report.errors().get(0).message()).contains("JWKS of the test IdP unavailable", "HTTP 503");
    }

    @Test
    void fromJwkSourceWhenTwoValidatorsShareOneCachingSourceThenTheJwksIsFetchedOnce() throws Exception {
        try (CountingHttpServer idp = CountingHttpServer.start().respond(200, TestKeys.publicJwks())) {
            JWKSource<SecurityContext> shared = JWKSourceBuilder.create(
                            idp.uri("/jwks.json").toURL())
                    .retrying(false)
                    .build();
            TokenValidator first = validator(KeySource.fromJwkSource(shared));
            TokenValidator second = validator(KeySource.fromJwkSource(shared));

            for (int i = 0; i < 5; i++) {
                assertThat(first.validate(TestTokens.mcp().signRsa()).accepted())
                        .isTrue();
                assertThat(second.validate(TestTokens.mcp().signRsa()).accepted())
                        .isTrue();
            }

            assertThat(idp.requests()).isEqualTo(1);
        }
    }
}
