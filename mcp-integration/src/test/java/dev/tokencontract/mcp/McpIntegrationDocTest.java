package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import io.javalin.Javalin;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** The sample in docs/mcp-integration.md is this code, and it works. */
class McpIntegrationDocTest {
    private static final String PUBLIC_URL = "https://crm.example.test/mcp";

    // sample:begin
    static Javalin startCrm(int port, Contract contract, KeySource keys, List<SyncToolSpecification> tools) {
        McpAuthorization auth = McpAuthorization.builder()
                .resource(PUBLIC_URL) // the URL clients use: the audience tokens must name
                .contract(contract) // e.g. Contracts.load("mcp-access-token@1")
                .keys(keys) // e.g. KeySource.jwksUrl(URI.create(".../jwks.json"))
                .issuer(TestTokens.ISSUER)
                .build();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .contextExtractor(auth.contextExtractor()) // CallerIdentity for the tool handlers
                .sessionSweepInterval(null) // SDK 2.1.0: its sweeper thread outlives close
                .jsonMapper(McpAuthorization.transportJsonMapper()) // SDK 2.1.0: no stack traces in its errors
                .build();
        McpSyncServer mcp = McpServer.sync(transport)
                .serverInfo("crm", "1.0.0")
                .tools(auth.guard(tools)) // second check inside each handler
                .build();
        return Javalin.create(cfg -> {
                    cfg.startup.startupWatcherEnabled = false;
                    cfg.events.serverStopping(mcp::closeGracefully);
                    cfg.jetty.modifyServletContextHandler(handler -> {
                        ServletHolder servlet = new ServletHolder(transport);
                        servlet.setAsyncSupported(true);
                        handler.addServlet(servlet, "/mcp");
                        FilterHolder filter = new FilterHolder(auth.filter());
                        filter.setAsyncSupported(true);
                        handler.addFilter(filter, "/mcp", EnumSet.of(DispatcherType.REQUEST));
                        for (String path : auth.metadataPaths()) {
                            handler.addFilter(filter, path, EnumSet.of(DispatcherType.REQUEST));
                        }
                    });
                })
                .start(port);
    }
    // sample:end

    @Test
    void sampleWhenStartedThenServesToolsToValidTokensOnly() throws Exception {
        Javalin app = startCrm(
                0,
                Contracts.load("mcp-access-token@1"),
                KeySource.jwks(TestKeys.publicJwks()),
                List.of(SampleServer.echo("getCustomer")));
        try {
            String base = "http://localhost:" + app.port();
            try (McpSyncClient client = McpClients.connect(
                    base, Tokens.fresh(PUBLIC_URL, "crm.read").signRsa())) {
                client.initialize();
                assertThat(McpClients.text(McpClients.call(client, "getCustomer")))
                        .startsWith("getCustomer by alice@example.test@acme");
            }
            Map<String, String> challenge = RawHttp.challenge(RawHttp.post(base + "/mcp", "{}"));
            assertThat(challenge)
                    .containsEntry(
                            "resource_metadata", "https://crm.example.test/.well-known/oauth-protected-resource/mcp");
            assertThat(RawHttp.get(base + "/.well-known/oauth-protected-resource/mcp")
                            .body())
                    .contains("\"resource\" : \"" + PUBLIC_URL + "\"");
        } finally {
            app.stop();
        }
    }

    @Test
    void docWhenReadThenQuotesTheSampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/tokencontract/mcp/McpIntegrationDocTest.java"));
        String sample = source.substring(
                source.indexOf("// sample:begin\n") + "// sample:begin\n".length(),
                source.indexOf("    // sample:end"));
        String doc = Files.readString(Path.of("../docs/mcp-integration.md"));
        String unindented = sample.lines()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(doc).contains(unindented);
    }
}
