package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertUnchecked;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several key sources as one (a registry's trusted JWKS URLs): any source's key verifies, outages stay "could not check". */
class KeySourceAnyOfTest {
    private static final RSAKey SECOND =
            new RSAKey.Builder(TestKeys.OTHER_RSA).keyID("rsa-2").build();

    private static TokenValidator validator(KeySource keys) throws Exception {
        return Judge.validator(Contracts.load("mcp-access-token@1.0.0"), keys);
    }

    @Test
    void anyOfWhenTokenSignedWithSecondSourcesKeyThenAccepted() throws Exception {
        try (CountingHttpServer first = CountingHttpServer.start();
                CountingHttpServer second = CountingHttpServer.start()) {
            first.respond(200, TestKeys.publicJwks());
            second.respond(200, new JWKSet(List.of(SECOND.toPublicJWK())).toString());
            KeySource keys = KeySource.anyOf(
                    List.of(KeySource.jwksUrl(first.uri("/jwks")), KeySource.jwksUrl(second.uri("/jwks"))));

            ValidationReport fromFirst = judge(validator(keys), TestTokens.mcp().signRsa());
            ValidationReport fromSecond = judge(
                    validator(keys), TestTokens.mcp().header("kid", "rsa-2").signRsa(SECOND));

            assertThat(List.of(fromFirst.verdict(), fromSecond.verdict())).containsOnly(Verdict.ACCEPTED);
            assertThat(keys.description())
                    .startsWith("any of: ")
                    .contains(first.uri("/jwks").toString());
        }
    }

    @Test
    void anyOfWhenOneSourceDownAndKidOnlyItCouldKnowThenUncheckedNotRejected() throws Exception {
        try (CountingHttpServer up = CountingHttpServer.start();
                CountingHttpServer down = CountingHttpServer.start()) {
            up.respond(200, TestKeys.publicJwks());
            down.respond(500, "");
            KeySource keys =
                    KeySource.anyOf(List.of(KeySource.jwksUrl(up.uri("/jwks")), KeySource.jwksUrl(down.uri("/jwks"))));

            ValidationReport unknownKid = judge(
                    validator(keys), TestTokens.mcp().header("kid", "rsa-2").signRsa(SECOND));
            ValidationReport knownKid = judge(validator(keys), TestTokens.mcp().signRsa());

            assertUnchecked(unknownKid, FindingCode.KEY_SOURCE_UNAVAILABLE, "/header/kid");
            assertThat(knownKid.verdict()).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Test
    void anyOfWhenEverySourceDownThenKeySourceUnavailable() throws Exception {
        try (CountingHttpServer down = CountingHttpServer.start()) {
            down.respond(503, "");
            KeySource keys =
                    KeySource.anyOf(List.of(KeySource.jwksUrl(down.uri("/a")), KeySource.jwksUrl(down.uri("/b"))));

            ValidationReport report = judge(validator(keys), TestTokens.mcp().signRsa());

            assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        }
    }

    @Test
    void anyOfWhenEmptyOrGivenNoneThenRefused() {
        assertThatThrownBy(() -> KeySource.anyOf(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeySource.anyOf(List.of(KeySource.none())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none");
    }
}
