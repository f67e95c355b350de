package dev.tokencontract.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeySourceProbeTest {

    @Test
    void checkWhenAskedAgainWithinTheIntervalThenTheIdentityProviderIsNotAskedAgain() {
        try (CountingHttpServer jwks = CountingHttpServer.start().respond(200, TestKeys.publicJwks())) {
            Instant now = Instant.parse("2026-12-06T19:00:00Z");
            KeySourceProbe probe = new KeySourceProbe(
                    new TokencontractProperties.Issuer(
                            "https://login.example.test", jwks.uri("/jwks.json").toString(), null),
                    Duration.ofSeconds(10),
                    Clock.fixed(now, ZoneOffset.UTC));

            KeySourceProbe.Result first = probe.check();
            KeySourceProbe.Result second = probe.check();

            assertThat(first.reachable()).isTrue();
            assertThat(first.keys()).isPositive();
            assertThat(first.lastRefresh()).hasValue(now);
            assertThat(second).isSameAs(first);
            assertThat(jwks.requests()).isEqualTo(1);
        }
    }

    @Test
    void checkWhenJwksAnswersAnErrorOrNotAJwkSetThenUnreachableWithTheReason() {
        try (CountingHttpServer jwks = CountingHttpServer.start().respond(500, "oops")) {
            KeySourceProbe probe = new KeySourceProbe(
                    new TokencontractProperties.Issuer(
                            "https://login.example.test", jwks.uri("/jwks.json").toString(), null),
                    Duration.ZERO,
                    Clock.systemUTC());

            assertThat(probe.check().error()).hasValue(jwks.uri("/jwks.json") + " answered HTTP 500");
            jwks.respond(200, "<html>login page</html>");
            KeySourceProbe.Result html = probe.check();
            assertThat(html.reachable()).isFalse();
            assertThat(html.lastRefresh()).isEmpty();
            assertThat(html.error()).isPresent();
            jwks.respond(200, "{\"keys\":[]}");
            assertThat(probe.check().error()).hasValue("the JWK set holds no key");
        }
    }

    @Test
    void checkWhenNoJwksUriThenFoundThroughTheDiscoveryDocument() {
        try (CountingHttpServer jwks = CountingHttpServer.start().respond(200, TestKeys.publicJwks());
                CountingHttpServer login = CountingHttpServer.start()) {
            String issuer = login.uri("").toString();
            login.respond(200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwks.uri("/certs") + "\"}");
            KeySourceProbe probe = new KeySourceProbe(
                    new TokencontractProperties.Issuer(issuer, null, null), Duration.ZERO, Clock.systemUTC());

            KeySourceProbe.Result result = probe.check();

            assertThat(result.reachable()).isTrue();
            assertThat(result.jwksUri()).isEqualTo(jwks.uri("/certs").toString());
            assertThat(login.requests()).isEqualTo(1);
            assertThat(jwks.requests()).isEqualTo(1);
        }
    }
}
