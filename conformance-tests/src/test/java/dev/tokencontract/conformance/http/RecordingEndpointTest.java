package dev.tokencontract.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class RecordingEndpointTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void receivedWhenAgentCallsThenAuthorizationRecordedAndAnswered200() throws Exception {
        try (RecordingEndpoint downstream = RecordingEndpoint.start()) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(downstream.uri())
                            .header("Authorization", "Bearer abc.def.ghi")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            client.send(
                    HttpRequest.newBuilder(URI.create(downstream.uri() + "/tools"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(downstream.received()).hasSize(2);
            assertThat(downstream.received().get(0).bearerToken()).isEqualTo("abc.def.ghi");
            assertThat(downstream.received().get(0).method()).isEqualTo("POST");
            assertThat(downstream.received().get(1).authorization()).isEmpty();
            assertThat(downstream.received().get(1).bearerToken()).isNull();
            downstream.clear();
            assertThat(downstream.received()).isEmpty();
        }
    }

    @Test
    void bearerTokenWhenNotBearerSchemeThenNull() {
        assertThat(new RecordingEndpoint.Received("GET", "/", java.util.List.of("Basic YTpi")).bearerToken())
                .isNull();
        assertThat(new RecordingEndpoint.Received("GET", "/", java.util.List.of("bearer x", "Bearer y")).bearerToken())
                .isNull();
        assertThat(new RecordingEndpoint.Received("GET", "/", java.util.List.of("bearer x")).bearerToken())
                .isEqualTo("x");
    }
}
