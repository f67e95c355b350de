package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.assertUnchecked;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.CountingHttpServer.Pace;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.SteppingClock;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys from a JWKS URL, against a real HTTP server on a free port: caching, refresh on an unknown kid
 * with a rate limit, and every way the fetch can fail ending as "could not check", never as an exception.
 */
class KeySourceJwksUrlTest {
    /** Short enough to keep the slow-server cases fast; those servers stall for seconds. */
    private static final Duration TINY = Duration.ofMillis(200);

    private static final RSAKey ROTATED =
            new RSAKey.Builder(TestKeys.OTHER_RSA).keyID("rsa-2").build();

    private final CountingHttpServer server = CountingHttpServer.start();
    private final SteppingClock clock = new SteppingClock(TestTokens.JUDGED_AT);
    private final JwksUrlSettings settings = JwksUrlSettings.defaults().withClock(clock);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void jwksUrlWhenValidatedTwiceWithinTtlThenFetchedOnce() {
        server.respond(200, TestKeys.publicJwks());
        TokenValidator validator = validator(settings);

        ValidationReport first = judge(validator, TestTokens.mcp().signRsa());
        clock.advance(settings.cacheTtl().minusSeconds(1));
        ValidationReport second = judge(validator, TestTokens.mcp().signRsa());

        assertThat(List.of(first.verdict(), second.verdict())).containsOnly(Verdict.ACCEPTED);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void jwksUrlWhenTtlPassedThenFetchedAgain() {
        server.respond(200, TestKeys.publicJwks());
        TokenValidator validator = validator(settings);

        judge(validator, TestTokens.mcp().signRsa());
        clock.advance(settings.cacheTtl().plusSeconds(1));
        ValidationReport report = judge(validator, TestTokens.mcp().signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void jwksUrlWhenUnknownKidAfterRotationThenRefreshedAndNewKeyAccepted() {
        server.respond(200, TestKeys.publicJwks());
        TokenValidator validator = validator(settings);
        judge(validator, TestTokens.mcp().signRsa());
        server.respond(200, new JWKSet(List.of(TestKeys.RSA.toPublicJWK(), ROTATED.toPublicJWK())).toString());
        clock.advance(settings.minRefreshInterval());

        ValidationReport report =
                judge(validator, TestTokens.mcp().header("kid", "rsa-2").signRsa(ROTATED));

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void jwksUrlWhenFloodOfUnknownKidsThenRefreshRateLimited() {
        server.respond(200, TestKeys.publicJwks());
        TokenValidator validator = validator(settings);
        judge(validator, TestTokens.mcp().signRsa());

        for (int i = 0; i < 20; i++) {
            assertRejected(
                    judge(
                            validator,
                            TestTokens.mcp().header("kid", "random-" + i).signRsa()),
                    FindingCode.KID_UNKNOWN,
                    "/header/kid");
        }
        assertThat(server.requests())
                .as("fetches within the minimum refresh interval")
                .isEqualTo(1);

        clock.advance(settings.minRefreshInterval());
        for (int i = 20; i < 40; i++) {
            judge(validator, TestTokens.mcp().header("kid", "random-" + i).signRsa());
        }
        assertThat(server.requests()).as("fetches after the interval passed").isEqualTo(2);
    }

    @Test
    void jwksUrlWhenServerDownThenUncheckedKeySourceUnavailable() {
        URI down = server.uri("/jwks");
        server.close();

        ValidationReport report =
                judge(validator(down, settings), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains(down.toString());
    }

    @Test
    void jwksUrlWhenServerDownAndTokenAlsoExpiredThenRejected() {
        // "Rejected" wins over "could not check": the token is bad whatever the keys would say.
        URI down = server.uri("/jwks");
        server.close();

        ValidationReport report = judge(
                validator(down, settings),
                TestTokens.mcp().claim("exp", 1795651300L).signRsa());

        assertRejected(report, FindingCode.TOKEN_EXPIRED, "/claims/exp");
        assertThat(report.has(FindingCode.KEY_SOURCE_UNAVAILABLE)).isTrue();
    }

    @Test
    void jwksUrlWhenFailingServerThenRetriesRateLimitedToo() {
        server.respond(500, "{\"error\":\"down for maintenance\"}");
        TokenValidator validator = validator(settings);

        for (int i = 0; i < 5; i++) {
            assertUnchecked(
                    judge(validator, TestTokens.mcp().signRsa()), FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        }
        assertThat(server.requests()).isEqualTo(1);
        clock.advance(settings.minRefreshInterval());
        judge(validator, TestTokens.mcp().signRsa());
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void jwksUrlWhenRefreshFailsThenLastGoodKeysKept() {
        server.respond(200, TestKeys.publicJwks());
        TokenValidator validator = validator(settings);
        judge(validator, TestTokens.mcp().signRsa());
        server.respond(500, "oops");
        clock.advance(settings.cacheTtl().plusSeconds(1));

        ValidationReport report = judge(validator, TestTokens.mcp().signRsa());

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void jwksUrlWhenUnknownKidAndRefreshFailsThenUnchecked() {
        // The IdP may have rotated keys while its JWKS is down: "could not check" (503), not "bad token" (401).
        server.respond(200, TestKeys.publicJwks());
        TokenValidator validator = validator(settings);
        judge(validator, TestTokens.mcp().signRsa());
        server.respond(500, "oops");
        clock.advance(settings.minRefreshInterval());

        ValidationReport report =
                judge(validator, TestTokens.mcp().header("kid", "rsa-2").signRsa(ROTATED));

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.UNCHECKED);
        assertThat(report.findings())
                .filteredOn(f -> f.code() == FindingCode.KEY_SOURCE_UNAVAILABLE)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.pointer()).isEqualTo("/header/kid");
                    assertThat(f.message()).contains("rsa-2").contains("HTTP 500");
                });
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void jwksUrlWhenResponseLargerThanCapThenUnchecked() {
        server.respond(200, TestKeys.publicJwks());

        ValidationReport report =
                judge(validator(settings.withMaxBytes(256)), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("larger than 256 bytes");
    }

    @Test
    void jwksUrlWhenResponseIsHugeThenRefusedAtTheCap() {
        server.respond(200, "{\"keys\":[" + " ".repeat(8 * 1024 * 1024) + "]}");

        ValidationReport report = judge(
                validator(settings.withMaxBytes(64 * 1024)), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("larger than 65536 bytes");
    }

    @Test
    void jwksUrlWhenServerStallsBeforeAnsweringThenReadTimeoutUnchecked() {
        server.respond(200, TestKeys.publicJwks(), Pace.STALL_BEFORE_HEADERS);

        ValidationReport report = judge(
                validator(settings.withTimeouts(TINY, TINY)), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("timed out");
    }

    @Test
    void jwksUrlWhenServerStallsInsideBodyThenReadTimeoutUnchecked() {
        // Headers arrive at once, half the keys, then nothing: without a deadline on the body the
        // validator would wait for the server (and then accept the token).
        server.respond(200, TestKeys.publicJwks(), Pace.STALL_INSIDE_BODY);

        ValidationReport report = judge(
                validator(settings.withTimeouts(TINY, TINY)), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("timed out");
    }

    @Test
    void jwksUrlWhenHttp500ThenUnchecked() {
        server.respond(500, "<html>Internal Server Error</html>");

        ValidationReport report = judge(validator(settings), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("HTTP 500");
    }

    @Test
    void jwksUrlWhenRedirectThenNotFollowedAndUnchecked() {
        server.respond(302, "");

        ValidationReport report = judge(validator(settings), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("HTTP 302");
    }

    @Test
    void jwksUrlWhenAnswerIsNotJsonThenUnchecked() {
        server.respond(200, "<!doctype html><title>Login</title>");

        ValidationReport report = judge(validator(settings), TestTokens.mcp().signRsa());

        assertUnchecked(report, FindingCode.KEY_SOURCE_UNAVAILABLE, "/signature");
        assertThat(Judge.finding(report, FindingCode.KEY_SOURCE_UNAVAILABLE).message())
                .contains("not a JWK set");
    }

    private TokenValidator validator(JwksUrlSettings chosen) {
        return validator(server.uri("/jwks"), chosen);
    }

    private static TokenValidator validator(URI uri, JwksUrlSettings chosen) {
        return Judge.validator(Judge.mcpWithJwks().contract(), KeySource.jwksUrl(uri, chosen));
    }
}
