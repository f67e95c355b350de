package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StubServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parties that answer badly: the suites name what is wrong and never pass, crash or echo a token. */
class HostileAnswersTest {
    private static final SuiteSettings SETTINGS = SuiteSettings.of(3, 1L);

    private static SuiteResult produce(TokenProducer producer) {
        return ProducerSuite.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .issuer(Kit.ISSUER)
                .audience(Kit.AUDIENCE)
                .producer(producer)
                .build()
                .run(SETTINGS);
    }

    @Test
    void readWhenJsonWithoutTokenOrBrokenThenNamed() {
        assertThatThrownBy(() -> TokenText.read("{\"token_type\":\"Bearer\"}"))
                .hasMessageContaining("without a string access_token");
        assertThatThrownBy(() -> TokenText.read("{\"access_token\": ")).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> TokenText.read("x".repeat(TokenText.MAX_CHARS + 1)))
                .hasMessageContaining("more than 65536");
        assertThat(TokenText.read("  abc.def.ghi\n")).isEqualTo("abc.def.ghi");
        assertThat(TokenText.read(null)).isEmpty();
    }

    @Test
    void producerWhenTokenEndpointAnswers500OrHugeBodyThenFailureNotCrash() {
        try (StubServer failing = StubServer.start((a, b) -> new StubServer.Answer(500, Map.of(), "boom"));
                StubServer huge =
                        StubServer.start((a, b) -> new StubServer.Answer(200, Map.of(), "y".repeat(200_000)))) {
            assertThat(produce(TokenProducer.http(failing.uri("/token")))
                            .property(ProducerSuite.CONFORMS)
                            .reason())
                    .contains("answered HTTP 500");
            assertThat(produce(TokenProducer.http(huge.uri("/token")))
                            .property(ProducerSuite.CONFORMS)
                            .reason())
                    .contains("more than 65536");
        }
    }

    @Test
    void producerWhenAnswerIsGarbageThenOpaqueFindingAndNoEcho() {
        SuiteResult result = produce(input -> "not a token at all");

        assertThat(result.property(ProducerSuite.CONFORMS).reason()).contains("TOKEN_OPAQUE");
    }

    @Test
    void consumerWhenEndpointAnswers500ThenNeitherAcceptedNorRejected() {
        try (StubServer broken = StubServer.start((a, b) -> new StubServer.Answer(500, Map.of(), ""))) {
            SuiteResult result = ConsumerSuite.builder()
                    .contract(Kit.MCP)
                    .keys(Kit.KEYS)
                    .clock(Kit.CLOCK)
                    .issuer(Kit.ISSUER)
                    .audience(Kit.AUDIENCE)
                    .consumer(TokenConsumer.http(broken.uri("/mcp")))
                    .build()
                    .run(SETTINGS);

            assertThat(result.property(ConsumerSuite.ACCEPTS_VALID).reason())
                    .contains("refused a valid token (HTTP 500");
            assertThat(result.property("consumer rejects expired").reason())
                    .contains("neither accepted nor rejected", "HTTP 500");
        }
    }

    @Test
    void buildersWhenIncompleteOrBlankThenClearErrors() {
        assertThatThrownBy(() -> ConsumerSuite.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> ConsumerSuite.builder().issuer(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProducerSuite.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SuiteSettings.of(0, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenProducer.command(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenCarrier.http(java.net.URI.create("ftp://h/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
