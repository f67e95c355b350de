package dev.tokencontract.registry.api;

import static dev.tokencontract.registry.api.Explains.body;
import static dev.tokencontract.registry.api.Explains.conforming;
import static dev.tokencontract.registry.api.Explains.explain;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.registry.ExplainLimits;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.validator.KeySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trusted JWKS URLs ({@code serve --trust-jwks}), against real HTTP servers on free ports: any of them verifies,
 * keys are cached, an outage is "could not check", and tokens with made-up kids cannot make the registry hammer
 * an IdP.
 */
class ExplainTrustedKeysTest {
    private static final RSAKey SECOND =
            new RSAKey.Builder(TestKeys.OTHER_RSA).keyID("rsa-2").build();

    private static Registry registry(CountingHttpServer... idps) {
        Registry registry = Registry.start(b -> {
            RegistryServer.Builder builder = b.explainLimits(new ExplainLimits(600, 600, 8));
            for (CountingHttpServer idp : idps) {
                builder.trustForExplain(KeySource.jwksUrl(idp.uri("/jwks")));
            }
            return builder;
        });
        assertThat(registry.publish(Contracts.of(Explains.CONTRACT, "1.0.0")).status())
                .isEqualTo(201);
        return registry;
    }

    @Test
    void explainWhenTwoTrustedUrlsThenTokensOfEitherAcceptedAndKeysFetchedOnce() {
        try (CountingHttpServer first = CountingHttpServer.start();
                CountingHttpServer second = CountingHttpServer.start();
                Registry registry = registry(first, second)) {
            first.respond(200, TestKeys.publicJwks());
            second.respond(200, new JWKSet(SECOND.toPublicJWK()).toString());

            List<String> verdicts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                verdicts.add(explain(registry, body(conforming().signRsa(), "1.0.0"))
                        .json()
                        .path("verdict")
                        .asString());
                verdicts.add(explain(
                                registry,
                                body(conforming().header("kid", "rsa-2").signRsa(SECOND), "1.0.0"))
                        .json()
                        .path("verdict")
                        .asString());
            }

            assertThat(verdicts).containsOnly("ACCEPTED").hasSize(6);
            assertThat(first.requests()).isEqualTo(1);
            assertThat(second.requests()).isEqualTo(1);
        }
    }

    @Test
    void explainWhenTheTrustedUrlThatKnowsTheKidIsDownThenUncheckedNeverRejected() {
        try (CountingHttpServer up = CountingHttpServer.start();
                CountingHttpServer down = CountingHttpServer.start();
                Registry registry = registry(up, down)) {
            up.respond(200, TestKeys.publicJwks());
            down.respond(503, "");

            JsonNode report = explain(
                            registry, body(conforming().header("kid", "rsa-2").signRsa(SECOND), "1.0.0"))
                    .json();

            assertThat(report.path("verdict").asString()).isEqualTo("UNCHECKED");
            assertThat(report.path("exitCode").asInt()).isEqualTo(3);
            assertThat(report.path("findings").toString()).contains("KEY_SOURCE_UNAVAILABLE");
        }
    }

    @Test
    void explainWhenManyTokensWithMadeUpKidsThenTheIdpIsAskedAtMostOncePerRefreshInterval() {
        try (CountingHttpServer idp = CountingHttpServer.start();
                Registry registry = registry(idp)) {
            idp.respond(200, TestKeys.publicJwks());

            List<String> verdicts = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                verdicts.add(explain(
                                registry,
                                body(conforming().header("kid", "made-up-" + i).signRsa(), "1.0.0"))
                        .json()
                        .path("verdict")
                        .asString());
            }

            assertThat(verdicts).containsOnly("REJECTED");
            // the first fetch, then at most one refresh per 30 s however many unknown kids arrive
            assertThat(idp.requests()).isBetween(1, 2);
        }
    }
}
