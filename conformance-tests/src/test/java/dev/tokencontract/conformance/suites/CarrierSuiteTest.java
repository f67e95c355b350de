package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.http.RecordingEndpoint;
import dev.tokencontract.conformance.testing.StubHub;
import dev.tokencontract.conformance.testing.StubServer;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.validator.TokenValidator;
import org.junit.jupiter.api.Test;

class CarrierSuiteTest {
    static final String HUB = "https://hub.example.test/mcp";
    static final String DOWNSTREAM = "https://crm.example.test/mcp";
    private static final SuiteSettings SETTINGS = SuiteSettings.of(20, 99L);

    private static StubHub hub(StubHub.Drift drift) {
        TokenValidator userTokens = TokenValidator.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .expectIssuer(Kit.ISSUER)
                .expectAudience(HUB)
                .clock(Kit.CLOCK)
                .build();
        TokenMinter exchange = TokenMinter.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .clock(Kit.CLOCK)
                .build();
        return new StubHub(userTokens, exchange, DOWNSTREAM, drift);
    }

    private static SuiteResult run(TokenCarrier carrier, RecordingEndpoint downstream) {
        TokenValidator downstreamJudge = TokenValidator.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .expectIssuer(Kit.ISSUER)
                .expectAudience(DOWNSTREAM)
                .clock(Kit.CLOCK)
                .build();
        return CarrierSuite.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .clock(Kit.CLOCK)
                .issuer(Kit.ISSUER)
                .carrierAudience(HUB)
                .downstreamAudience(DOWNSTREAM)
                .carrier(carrier)
                .downstream(downstream)
                .downstreamJudge(downstreamJudge)
                .build()
                .run(SETTINGS);
    }

    @Test
    void runWhenHubDelegatesWithActThenPasses() {
        try (RecordingEndpoint downstream = RecordingEndpoint.start()) {
            SuiteResult result = run(hub(StubHub.Drift.NONE).carrier(), downstream);

            assertThat(result.passed()).as(result.failures().toString()).isTrue();
            assertThat(result.property(CarrierSuite.CARRIES_USER).coverage()).contains("delegated (act)");
        }
    }

    @Test
    void runWhenHubReplacesSubWithBotThenSharedIdentityWithMinimalUser() {
        try (RecordingEndpoint downstream = RecordingEndpoint.start()) {
            PropertyReport failure =
                    run(hub(StubHub.Drift.BOT_IDENTITY).carrier(), downstream).property(CarrierSuite.CARRIES_USER);

            assertThat(failure.status()).isEqualTo(PropertyReport.Status.FAILED);
            assertThat(failure.reason()).contains("shared identity", StubHub.BOT);
            ConsumerSuiteTest.assertMinimal(failure.counterexample());
            // the user token's real times, not the untimed generated claims (exp 0 would be an expired token)
            assertThat(failure.counterexample())
                    .contains("\"iat\":" + Kit.NOW.getEpochSecond())
                    .doesNotContain("\"exp\":0");
        }
    }

    @Test
    void runWhenHubPassesUserTokenThroughThenTokenForAnotherAudience() {
        try (RecordingEndpoint downstream = RecordingEndpoint.start()) {
            PropertyReport failure =
                    run(hub(StubHub.Drift.PASSTHROUGH).carrier(), downstream).property(CarrierSuite.CARRIES_USER);

            assertThat(failure.reason()).contains("token for another audience", HUB);
        }
    }

    @Test
    void runWhenHubOverHttpThenSameVerdicts() {
        try (RecordingEndpoint downstream = RecordingEndpoint.start();
                StubServer honest = hub(StubHub.Drift.NONE).serve();
                StubServer bot = hub(StubHub.Drift.BOT_IDENTITY).serve()) {
            assertThat(run(TokenCarrier.http(honest.uri("/act")), downstream).passed())
                    .isTrue();
            assertThat(run(TokenCarrier.http(bot.uri("/act")), downstream)
                            .property(CarrierSuite.CARRIES_USER)
                            .reason())
                    .contains("shared identity");
        }
    }

    @Test
    void runWhenCarrierMakesNoCallOrSendsGarbageThenNamed() {
        try (RecordingEndpoint downstream = RecordingEndpoint.start()) {
            assertThat(run((token, uri) -> {}, downstream)
                            .property(CarrierSuite.CARRIES_USER)
                            .reason())
                    .contains("no downstream call");
            TokenCarrier garbage = (token, uri) -> java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(uri)
                                    .header("Authorization", "Bearer not-a-jwt")
                                    .GET()
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(run(garbage, downstream)
                            .property(CarrierSuite.CARRIES_USER)
                            .reason())
                    .contains("not a readable JWT");
        }
    }

    @Test
    void buildWhenAudiencesEqualThenRefused() {
        try (RecordingEndpoint downstream = RecordingEndpoint.start()) {
            assertThatThrownBy(() -> CarrierSuite.builder()
                            .contract(Kit.MCP)
                            .keys(Kit.KEYS)
                            .issuer(Kit.ISSUER)
                            .carrierAudience(HUB)
                            .downstreamAudience(HUB)
                            .carrier((t, u) -> {})
                            .downstream(downstream)
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must differ");
        }
    }
}
