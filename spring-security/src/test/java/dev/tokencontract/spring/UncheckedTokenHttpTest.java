package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.spring.app.EchoMcpApplication;
import dev.tokencontract.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Keys that cannot be fetched: 503 with Retry-After (fail closed, but not "your token is bad"), never 401 or 500. */
@SpringBootTest(
        classes = EchoMcpApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokencontract.contract=mcp-access-token@1",
            "tokencontract.audience=" + FreshTokens.RESOURCE,
            "tokencontract.issuer-uri=" + TestTokens.ISSUER,
            "tokencontract.jwks-uri=http://127.0.0.1:1/jwks.json"
        })
class UncheckedTokenHttpTest {
    @LocalServerPort
    int port;

    @Test
    void postWhenKeysUnreachableThen503RetryAfterWithoutChallenge() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Authorization", "Bearer " + FreshTokens.fresh().signRsa())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body())
                .isEqualTo(
                        "{\"error\":\"temporarily_unavailable\",\"error_description\":\"the token could not be checked: KEY_SOURCE_UNAVAILABLE\"}");
    }
}
