package dev.tokencontract.examples.springcrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokencontract.conformance.suites.ConsumerSuite;
import dev.tokencontract.conformance.suites.PropertyReport;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.conformance.suites.TokenConsumer;
import dev.tokencontract.conformance.tokens.JwksEndpoint;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.examples.crm.Crm;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Spring example against the conformance kit's consumer suite, exactly as the servlet example is tested in
 * {@code examples/agent}'s {@code ConformanceSuitesAgainstTrioTest}, and against the MCP Java SDK's own client.
 * One Spring application for the whole class.
 */
class SpringCrmConformanceTest {
    private static final String ISSUER = "https://login.example.test";
    private static final SigningKeys KEYS = SigningKeys.generate("spring-consumer");
    private static Contract contract;
    private static JwksEndpoint jwks;
    private static RunningCrm crm;
    private static TokenMinter minter;

    @BeforeAll
    static void start() throws Exception {
        contract = Contracts.load("mcp-access-token@1");
        jwks = JwksEndpoint.start(KEYS);
        crm = RunningCrm.start(Map.of(
                "tokencontract.issuer-uri",
                ISSUER,
                "tokencontract.jwks-uri",
                jwks.uri().toString()));
        minter = TokenMinter.builder().contract(contract).keys(KEYS).build();
    }

    @AfterAll
    static void stop() {
        if (crm != null) {
            crm.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void consumerSuiteWhenSpringCrmOverHttpThenAcceptsEveryValidTokenAndRejectsEveryInvalidOneWithAChallenge() {
        SuiteResult result = ConsumerSuite.builder()
                .contract(contract)
                .keys(KEYS)
                .issuer(ISSUER)
                .audience(crm.resource())
                .consumer(TokenConsumer.mcpSession(URI.create(crm.resource())))
                .build()
                .run(SuiteSettings.of(40, 20261206L));
        System.out.print(result.report());

        result.assertPassed();
        assertThat(result.property("consumer accepts valid tokens").coverage()).contains("alg RS256");
        assertThat(result.property("consumer rejects wrong-aud").coverage()).contains("rejected HTTP 401");
        assertThat(result.properties().stream()
                        .filter(p -> p.status() == PropertyReport.Status.PASSED)
                        .count())
                .isGreaterThan(8);
    }

    private static String token(String sub, String scope, String roles, boolean viaHub) {
        ObjectNode claims = JsonMapper.builder()
                .build()
                .createObjectNode()
                .put("iss", ISSUER)
                .put("sub", sub)
                .put("aud", crm.resource())
                .put("jti", java.util.UUID.randomUUID().toString())
                .put("client_id", viaHub ? "hub" : "crm-agent")
                .put("tenant_id", "acme")
                .put("scope", scope);
        claims.putArray("roles").add(roles);
        if (viaHub) {
            claims.putObject("act").put("sub", "hub");
        }
        return minter.mint(claims);
    }

    private static McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://localhost:" + crm.port)
                .endpoint("/mcp")
                .addHttpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments) {
        return CallToolRequest.builder(tool).arguments(arguments).build();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void sdkClientWhenGrantedThenToolsRunForTheVerifiedUserAndTheWriteIsAuditedWithUserAndActor() {
        try (McpSyncClient client = client(token("alice", "crm.read crm.write", "support", true))) {
            client.initialize();

            assertThat(client.listTools().tools())
                    .extracting(Tool::name)
                    .containsExactlyInAnyOrder("getCustomer", "updateAccountStatus", "lookupEmployee", "toggleFeature");
            assertThat(text(client.callTool(call("getCustomer", Map.of("customerId", "c-101")))))
                    .startsWith("c-101 Coyote Engineering");
            assertThat(text(client.callTool(call("getCustomer", Map.of("customerId", "c-200")))))
                    .isEqualTo("no customer c-200 in tenant acme");
            CallToolResult write =
                    client.callTool(call("updateAccountStatus", Map.of("customerId", "c-101", "status", "suspended")));

            assertThat(text(write)).isEqualTo("c-101 status=suspended (recorded for alice)");
        }
        Crm.Write audited = crm.crm().writes().stream()
                .filter(w -> w.target().equals("c-101"))
                .findFirst()
                .orElseThrow();
        assertThat(audited.describe())
                .isEqualTo("WRITE updateAccountStatus c-101 active->suspended by alice (tenant acme) via hub");
    }

    @Test
    void sdkClientWhenToolNeedsAScopeTheTokenLacksThen403InsufficientScopeAndTheSessionStaysUsable() {
        try (McpSyncClient client = client(token("bob", "crm.read", "viewer", false))) {
            client.initialize();

            Throwable refused = catchThrowable(() ->
                    client.callTool(call("updateAccountStatus", Map.of("customerId", "c-100", "status", "closed"))));
            McpHttpClientTransportAuthorizationException denied = authorizationFailure(refused);

            assertThat(denied).isNotNull();
            assertThat(denied.getResponseInfo().statusCode()).isEqualTo(403);
            assertThat(denied.getResponseInfo()
                            .headers()
                            .firstValue("WWW-Authenticate")
                            .orElseThrow())
                    .contains("error=\"insufficient_scope\"", "scope=\"crm.read crm.write\"");
            assertThat(text(client.callTool(call("getCustomer", Map.of("customerId", "c-100")))))
                    .startsWith("c-100 ");
        }
        assertThat(crm.crm().writes()).noneMatch(w -> w.by().equals("bob"));
    }

    @Test
    void sdkClientWhenNoTokenThenTheConnectionFailsWith401AndTheMcpChallenge() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://localhost:" + crm.port)
                .endpoint("/mcp")
                .build();
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
            McpHttpClientTransportAuthorizationException denied =
                    authorizationFailure(catchThrowable(client::initialize));

            assertThat(denied).isNotNull();
            assertThat(denied.getResponseInfo().statusCode()).isEqualTo(401);
            assertThat(denied.getResponseInfo()
                            .headers()
                            .firstValue("WWW-Authenticate")
                            .orElseThrow())
                    .isEqualTo("Bearer resource_metadata=\"http://localhost:" + crm.port
                            + "/.well-known/oauth-protected-resource/mcp\", scope=\"crm.read crm.write\"");
        }
    }

    private static McpHttpClientTransportAuthorizationException authorizationFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof McpHttpClientTransportAuthorizationException e) {
                return e;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                McpHttpClientTransportAuthorizationException found = authorizationFailure(suppressed);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
