package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Keys that cannot be fetched: denied (fail closed) with 503, not a 401 that blames the token. */
class UnreachableKeysTest {

    @Test
    void callWhenJwksUnreachableThen503RetryAfterAndNoToolRuns() throws Exception {
        List<AuthorizationDecision> decisions = new CopyOnWriteArrayList<>();
        try (SampleServer server = SampleServer.start(
                Contracts.load("mcp-access-token@1.0.0"),
                KeySource.jwksUrl(URI.create("http://127.0.0.1:1/jwks.json")),
                TestTokens.ISSUER,
                decisions::add,
                true,
                List.of(SampleServer.echo("getCustomer")))) {
            String token = Tokens.fresh(server.auth.resource(), "crm.read").signRsa();
            HttpResponse<String> response =
                    RawHttp.post(server.mcpUrl(), RawHttp.toolCall("getCustomer"), "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(response.body()).contains("KEY_SOURCE_UNAVAILABLE");
        }
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).isEqualTo(DecisionReason.TOKEN_UNCHECKED);
        });
    }
}
