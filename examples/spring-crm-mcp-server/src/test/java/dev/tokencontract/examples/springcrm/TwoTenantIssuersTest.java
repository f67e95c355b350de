package dev.tokencontract.examples.springcrm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.examples.login.LegacyLogin;
import dev.tokencontract.examples.login.LoginConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A realm per tenant: two real login servers, each with its own key set, trusted by one Spring CRM through
 * {@code tokencontract.issuers[...]} alone. acme's keys come from its JWKS URL, globex's by discovery; acme's
 * tokens must name {@code http://localhost:PORT/mcp}, globex's {@code http://127.0.0.1:PORT/mcp} (the same server
 * as each tenant reaches it). A token of one tenant's issuer is refused for the other tenant's audience.
 */
class TwoTenantIssuersTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"two-tenants\",\"version\":\"1\"}}}";
    private static LegacyLogin acme;
    private static LegacyLogin globex;
    private static LegacyLogin stranger;
    private static RunningCrm crm;

    @BeforeAll
    static void start() {
        acme = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
        globex = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
        stranger = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
        crm = RunningCrm.start(Map.of(
                "tokencontract.issuer-uri",
                "",
                "tokencontract.jwks-uri",
                "",
                "tokencontract.issuers[0].issuer-uri",
                acme.issuer(),
                "tokencontract.issuers[0].jwks-uri",
                acme.issuer() + "/jwks.json",
                "tokencontract.issuers[1].issuer-uri",
                globex.issuer(),
                "tokencontract.issuers[1].audience",
                "http://127.0.0.1:${server.port}/mcp"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {crm, acme, globex, stranger}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    private static String acmeAudience() {
        return "http://localhost:" + crm.port + "/mcp";
    }

    private static String globexAudience() {
        return "http://127.0.0.1:" + crm.port + "/mcp";
    }

    private static HttpResponse<String> initialize(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(HttpResponse<?> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("(none)");
    }

    @Test
    void initializeWhenEachTenantsTokenNamesItsOwnAudienceThenAccepted() throws Exception {
        String acmeToken = acme.mintFor("alice", "acme", List.of("support"), List.of("crm.read"), acmeAudience());
        String globexToken =
                globex.mintFor("hank", "globex", List.of("support"), List.of("crm.read"), globexAudience());

        HttpResponse<String> acmeAnswer = initialize(acmeAudience(), acmeToken);
        HttpResponse<String> globexAnswer = initialize(globexAudience(), globexToken);

        assertThat(acmeAnswer.statusCode()).isEqualTo(200);
        assertThat(acmeAnswer.headers().firstValue("Mcp-Session-Id")).isPresent();
        assertThat(globexAnswer.statusCode()).isEqualTo(200);
    }

    @Test
    void initializeWhenOneTenantsIssuerMintedForTheOtherTenantsAudienceThenRefused() throws Exception {
        String acmeForGlobex = acme.mintFor("alice", "acme", List.of("support"), List.of("crm.read"), globexAudience());
        String globexForAcme =
                globex.mintFor("hank", "globex", List.of("support"), List.of("crm.read"), acmeAudience());

        HttpResponse<String> first = initialize(globexAudience(), acmeForGlobex);
        HttpResponse<String> second = initialize(acmeAudience(), globexForAcme);

        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(challenge(first))
                .contains("error=\"invalid_token\"", "error_description=\"token rejected: AUD_MISMATCH\"");
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(challenge(second)).contains("error_description=\"token rejected: AUD_MISMATCH\"");
    }

    @Test
    void initializeWhenTokenFromAnIssuerNobodyTrustsThenRefusedAsIssuerMismatch() throws Exception {
        String foreign =
                stranger.mintFor("mallory", "acme", List.of("admin"), List.of("crm.read", "crm.write"), acmeAudience());

        HttpResponse<String> response = initialize(acmeAudience(), foreign);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).contains("error_description=\"token rejected: ISS_MISMATCH\"");
    }

    @Test
    void metadataWhenTwoIssuersThenBothAreAuthorizationServers() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + crm.port + "/.well-known/oauth-protected-resource/mcp"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"authorization_servers\":[\"" + acme.issuer() + "\",\"" + globex.issuer() + "\"]");
    }
}
