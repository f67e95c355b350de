package dev.tokencontract.mcp;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.validator.KeySource;
import io.javalin.Javalin;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * A real MCP server (SDK servlet transport in Javalin 7's Jetty) behind the filter, for tests. The part
 * between the sample markers is quoted in docs/mcp-integration.md (McpIntegrationDocTest checks it).
 */
final class SampleServer implements AutoCloseable {
    /** For every request the SDK handled: whether it could see an Authorization header (it must not). */
    static final java.util.List<Boolean> AUTHORIZATION_SEEN_BY_SDK = new java.util.concurrent.CopyOnWriteArrayList<>();

    final Javalin app;
    final McpSyncServer mcp;
    final McpAuthorization auth;
    final String baseUrl;

    private SampleServer(Javalin app, McpSyncServer mcp, McpAuthorization auth, String baseUrl) {
        this.app = app;
        this.mcp = mcp;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    /** Tools that echo the caller; {@code withFilter} false leaves only the handler guard in place. */
    static SampleServer start(
            Contract contract,
            KeySource keys,
            String issuer,
            DecisionLog log,
            boolean withFilter,
            List<SyncToolSpecification> tools) {
        return start(contract, keys, issuer, log, withFilter, tools, b -> b);
    }

    /** As above, with {@code options} applied to the builder (allowed origins, CORS, ...). */
    static SampleServer start(
            Contract contract,
            KeySource keys,
            String issuer,
            DecisionLog log,
            boolean withFilter,
            List<SyncToolSpecification> tools,
            java.util.function.UnaryOperator<McpAuthorization.Builder> options) {
        AtomicReference<Filter> late = new AtomicReference<>();
        AtomicReference<McpAuthorization> authRef = new AtomicReference<>();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                // SDK 2.1.0's session sweeper runs on Schedulers.newSingle (a non-daemon thread) that closing never
                // disposes, so every server would keep its JVM alive: no sweeper (docs/mcp-integration.md)
                .sessionSweepInterval(null)
                .jsonMapper(McpAuthorization.transportJsonMapper())
                .contextExtractor(request -> {
                    AUTHORIZATION_SEEN_BY_SDK.add(request.getHeader("Authorization") != null
                            || java.util.Collections.list(request.getHeaderNames()).stream()
                                    .anyMatch("authorization"::equalsIgnoreCase)
                            || request.getHeaders("Authorization").hasMoreElements());
                    return authRef.get().contextExtractor().extract(request);
                })
                .build();
        Javalin app = Javalin.create(cfg -> {
                    cfg.startup.startupWatcherEnabled = false;
                    cfg.jetty.modifyServletContextHandler(handler -> {
                        ServletHolder servlet = new ServletHolder(transport);
                        servlet.setAsyncSupported(true);
                        handler.addServlet(servlet, "/mcp");
                        if (withFilter) {
                            FilterHolder filter = new FilterHolder((Filter) (req, res, chain) -> {
                                Filter bound = late.get();
                                if (bound == null) { // not yet started: refuse rather than pass unchecked
                                    ((jakarta.servlet.http.HttpServletResponse) res).sendError(503);
                                    return;
                                }
                                bound.doFilter(req, res, chain);
                            });
                            filter.setAsyncSupported(true);
                            for (String path : List.of(
                                    "/mcp",
                                    "/.well-known/oauth-protected-resource",
                                    "/.well-known/oauth-protected-resource/*")) {
                                handler.addFilter(filter, path, EnumSet.of(DispatcherType.REQUEST));
                            }
                        }
                    });
                })
                .start("127.0.0.1", 0);
        String baseUrl = "http://localhost:" + app.port();
        McpAuthorization auth = options.apply(McpAuthorization.builder()
                        .resource(baseUrl + "/mcp")
                        .contract(contract)
                        .keys(keys)
                        .issuer(issuer)
                        .decisionLog(log))
                .build();
        authRef.set(auth);
        late.set(auth.filter());
        McpSyncServer mcp = McpServer.sync(transport)
                .serverInfo("sample", "1.0.0")
                .tools(auth.guard(tools))
                .build();
        return new SampleServer(app, mcp, auth, baseUrl);
    }

    /** A tool that answers with who called it. */
    static SyncToolSpecification echo(String name) {
        Tool tool = Tool.builder()
                .name(name)
                .description("echo the caller")
                .inputSchema(Map.of("type", "object"))
                .build();
        return new SyncToolSpecification(tool, (exchange, request) -> {
            CallerIdentity caller = CallerIdentity.from(exchange).orElseThrow();
            return CallToolResult.builder()
                    .addTextContent(name + " by " + caller.subject() + "@" + caller.tenant() + " actor="
                            + caller.actor().orElse("-") + " roles="
                            + caller.roles().size())
                    .build();
        });
    }

    String mcpUrl() {
        return baseUrl + "/mcp";
    }

    @Override
    public void close() {
        mcp.closeGracefully();
        app.stop();
    }
}
