package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StubServer;
import dev.tokencontract.conformance.testing.StubTokenEndpoint;
import dev.tokencontract.conformance.testing.StubTokenEndpoint.Drift;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerSuiteTest {
    private static final SuiteSettings SETTINGS = SuiteSettings.of(30, 7L);
    /** The simplest input the generator can make: what every failure must shrink to. */
    private static final String MINIMAL = "{\"sub\":\"a\",\"tenant_id\":\"a\",\"roles\":[]}";

    private static SuiteResult run(TokenProducer producer) {
        return ProducerSuite.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .issuer(Kit.ISSUER)
                .audience(Kit.AUDIENCE)
                .producer(producer)
                .build()
                .run(SETTINGS);
    }

    private static StubTokenEndpoint idp(Drift drift) {
        return new StubTokenEndpoint(Kit.KEYS, Kit.ISSUER, Kit.AUDIENCE, Clock.systemUTC(), drift);
    }

    @Test
    void runWhenHonestProducerThenPasses() {
        SuiteResult result = run(idp(Drift.NONE).producer());

        assertThat(result.passed()).as(result.failures().toString()).isTrue();
        assertThat(result.property(ProducerSuite.CONFORMS).tries()).isEqualTo(30);
        assertThat(result.property(ProducerSuite.CONFORMS).coverage()).contains("several roles", "no roles");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TENANT_RENAMED  | CLAIM_MISSING at /claims/tenant_id",
                "AUD_MISSING     | CLAIM_MISSING at /claims/aud",
                "TYP_JWT         | TYP_NOT_ALLOWED at /header/typ",
                "HS256           | ALG_NOT_ALLOWED at /header/alg",
                "OPAQUE          | TOKEN_OPAQUE at (token)"
            })
    void runWhenProducerDriftsThenFailureNamesTheDriftWithTheSimplestInput(Drift drift, String named) {
        SuiteResult result = run(idp(drift).producer());

        assertThat(result.passed()).isFalse();
        PropertyReport failure = result.property(ProducerSuite.CONFORMS);
        assertThat(failure.status()).isEqualTo(PropertyReport.Status.FAILED);
        assertThat(failure.reason()).contains(named);
        assertThat(failure.counterexample()).isEqualTo(MINIMAL);
    }

    @Test
    void runWhenRolesSpaceDelimitedThenTypeMismatchShrunkToNoRoles() {
        PropertyReport failure = run(idp(Drift.ROLES_AS_STRING).producer()).property(ProducerSuite.CONFORMS);

        assertThat(failure.status()).isEqualTo(PropertyReport.Status.FAILED);
        assertThat(failure.reason()).contains("CLAIM_TYPE_MISMATCH at /claims/roles");
        assertThat(failure.counterexample()).isEqualTo("{\"sub\":\"a\",\"tenant_id\":\"a\",\"roles\":[]}");
    }

    @Test
    void runWhenHttpTokenEndpointDriftsThenSameFailureAsInJava() {
        try (StubServer honest = idp(Drift.NONE).serve();
                StubServer renamed = idp(Drift.TENANT_RENAMED).serve()) {
            assertThat(run(TokenProducer.http(honest.uri("/token"))).passed()).isTrue();
            PropertyReport failure =
                    run(TokenProducer.http(renamed.uri("/token"))).property(ProducerSuite.CONFORMS);
            assertThat(failure.reason()).contains("CLAIM_MISSING at /claims/tenant_id");
            assertThat(failure.counterexample()).isEqualTo(MINIMAL);
        }
    }

    @Test
    void runWhenCommandFailsOrIsMissingThenFailureOrCouldNotRun() {
        SuiteResult failing = run(TokenProducer.command(List.of("sh", "-c", "cat >/dev/null; echo boom >&2; exit 4")));
        SuiteResult missing = run(TokenProducer.command(List.of("/nonexistent/producer-command")));

        assertThat(failing.property(ProducerSuite.CONFORMS).reason()).contains("exited 4", "boom");
        assertThat(missing.couldNotRun()).isTrue();
        assertThat(missing.properties().get(0).reason()).contains("cannot start the producer command");
    }

    @Test
    void runWhenCommandPrintsItsTokenToStderrAndFailsThenTheSignatureIsNotShown() {
        String signature = "SIGNATURE0123456789abcdefghijklmnopqrstuvwx";
        SuiteResult result = run(
                TokenProducer.command(
                        List.of(
                                "sh",
                                "-c",
                                "cat >/dev/null; tail=abcdefghijklmnopqrstuvwx; echo \"could not mint eyJhbGciOiJIUzI1NiJ9.e30.SIGNATURE0123456789$tail\" >&2; exit 1")));

        String reason = result.property(ProducerSuite.CONFORMS).reason();
        assertThat(reason).contains("exited 1", "could not mint eyJhbGciOiJIUzI1NiJ9.e30.SIGNAT", "redacted");
        assertThat(reason).doesNotContain(signature);
        assertThat(result.report()).doesNotContain(signature);
    }

    @Test
    void runWhenCommandPrintsHugeOutputThenClearFailure() {
        SuiteResult result = run(
                TokenProducer.command(List.of("sh", "-c", "cat >/dev/null; head -c 200000 /dev/zero | tr '\\0' a")));

        assertThat(result.property(ProducerSuite.CONFORMS).reason()).contains("more than 65536");
    }
}
