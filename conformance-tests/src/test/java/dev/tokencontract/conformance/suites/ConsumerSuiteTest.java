package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StubMcpServer;
import dev.tokencontract.conformance.testing.StubServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsumerSuiteTest {
    private static final SuiteSettings SETTINGS = SuiteSettings.of(15, 20261126L);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SuiteResult run(TokenConsumer consumer) {
        return ConsumerSuite.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .strangerKeys(Kit.STRANGER)
                .clock(Kit.CLOCK)
                .issuer(Kit.ISSUER)
                .audience(Kit.AUDIENCE)
                .consumer(consumer)
                .build()
                .run(SETTINGS);
    }

    private static StubMcpServer server(StubMcpServer.Drift drift) {
        return new StubMcpServer(Kit.MCP, Kit.KEYS.publicKeySource(), Kit.ISSUER, Kit.AUDIENCE, Kit.CLOCK, drift);
    }

    @Test
    void runWhenHonestJavaConsumerThenEveryApplicablePropertyPasses() {
        SuiteResult result = run(server(StubMcpServer.Drift.NONE).verifier());

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.property(ConsumerSuite.ACCEPTS_VALID).status()).isEqualTo(PropertyReport.Status.PASSED);
        assertThat(result.property("consumer rejects wrong-aud").status()).isEqualTo(PropertyReport.Status.PASSED);
        assertThat(result.property("consumer rejects add-forbidden-property").status())
                .isEqualTo(PropertyReport.Status.NOT_APPLICABLE);
        assertThat(result.property("consumer rejects add-forbidden-property").reason())
                .contains("the contract is open");
        assertThat(result.property("consumer rejects drop-required").coverage()).contains("drop-required(tenant_id)");
    }

    @Test
    void runWhenConsumerIgnoresAudThenOnlyWrongAudFailsWithMinimalClaims() {
        SuiteResult result = run(server(StubMcpServer.Drift.IGNORES_AUD).verifier());

        assertThat(result.failures()).extracting(PropertyReport::name).containsExactly("consumer rejects wrong-aud");
        PropertyReport failure = result.failures().get(0);
        assertThat(failure.reason())
                .contains("accepted an invalid token", "AUD_MISMATCH", "other-resource.example.test");
        assertMinimal(failure.counterexample());
    }

    @Test
    void runWhenConsumerAcceptsExpiredThenOnlyExpiredFailsWithMinimalClaims() {
        SuiteResult result = run(server(StubMcpServer.Drift.ACCEPTS_EXPIRED).verifier());

        assertThat(result.failures()).extracting(PropertyReport::name).containsExactly("consumer rejects expired");
        assertThat(result.failures().get(0).reason()).contains("expired", "TOKEN_EXPIRED");
        assertMinimal(result.failures().get(0).counterexample());
    }

    @Test
    void runWhenHonestHttpConsumerThenPassesWithWellFormedChallenges() {
        try (StubServer mcp = server(StubMcpServer.Drift.NONE).serve()) {
            SuiteResult result = run(TokenConsumer.http(mcp.uri("/mcp")));

            assertThat(result.passed()).as(result.failures().toString()).isTrue();
            assertThat(result.property("consumer rejects expired").coverage()).contains("rejected HTTP 401");
        }
    }

    @Test
    void runWhenHttpConsumerOmitsResourceMetadataThenRejectionsFailNamingTheRule() {
        try (StubServer mcp = server(StubMcpServer.Drift.NO_RESOURCE_METADATA).serve()) {
            SuiteResult result = run(TokenConsumer.http(mcp.uri("/mcp")));

            assertThat(result.property(ConsumerSuite.ACCEPTS_VALID).status()).isEqualTo(PropertyReport.Status.PASSED);
            assertThat(result.property("consumer rejects expired").status()).isEqualTo(PropertyReport.Status.FAILED);
            assertThat(result.property("consumer rejects expired").reason()).contains("RESOURCE_METADATA_MISSING");
        }
    }

    @Test
    void runWhenEndpointUnreachableThenCouldNotRunNotFailed() throws Exception {
        URI closed;
        try (StubServer gone = StubServer.start((a, b) -> null)) {
            closed = gone.uri("/mcp");
        }
        SuiteResult result = run(TokenConsumer.http(closed));

        assertThat(result.passed()).isFalse();
        assertThat(result.couldNotRun()).isTrue();
        assertThat(result.properties())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("cannot reach the consumer"));
    }

    @Test
    void httpWhenNotAnHttpUrlThenRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenConsumer.http(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the consumer endpoint must be an http(s) URL: file:///etc/passwd");
    }

    /** The shrunk claims: the contract's required claims and nothing else, each at its simplest. */
    static void assertMinimal(String counterexample) {
        String json = counterexample.substring(counterexample.indexOf("claims {") + 7);
        JsonNode claims = JSON.readTree(json);
        assertThat(claims.propertyNames())
                .containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "tenant_id", "roles");
        assertThat(claims.path("roles")).isEmpty();
        assertThat(claims.path("sub").asString()).hasSize(1);
        assertThat(claims.path("tenant_id").asString()).hasSize(1);
    }
}
