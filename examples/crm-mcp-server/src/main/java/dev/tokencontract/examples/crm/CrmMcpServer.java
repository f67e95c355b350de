package dev.tokencontract.examples.crm;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.mcp.DecisionLog;
import dev.tokencontract.mcp.McpAuthorization;
import dev.tokencontract.validator.KeySource;
import io.javalin.Javalin;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The CRM as an MCP server over Streamable HTTP at {@code /mcp}, protected by the tokencontract filter.
 * {@code examples/run crm-mcp-server [--port 9090] [--issuer http://localhost:9000]}.
 */
public final class CrmMcpServer implements AutoCloseable {
    private final Javalin app;
    private final McpSyncServer mcp;
    private final McpAuthorization auth;
    private final Crm crm;

    private CrmMcpServer(Javalin app, McpSyncServer mcp, McpAuthorization auth, Crm crm) {
        this.app = app;
        this.mcp = mcp;
        this.auth = auth;
        this.crm = crm;
    }

    public static void main(String[] args) {
        CrmConfig config;
        try {
            config = CrmConfig.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals("usage")) {
                System.err.println("crm-mcp-server: " + e.getMessage());
            }
            System.err.println(
                    "usage: crm-mcp-server [--port 9090] [--issuer http://localhost:9000] [--jwks URL] [--resource URL] [--contract mcp-access-token@1]");
            System.exit(2);
            return;
        }
        // a busy port is one line, before Javalin logs its own error with a stack trace
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", config.port()));
        } catch (java.io.IOException e) {
            System.err.println("crm-mcp-server: cannot listen on 127.0.0.1:" + config.port() + ": the port is in use");
            System.exit(3);
            return;
        }
        CrmMcpServer server;
        try {
            server = start(config, DecisionLog.slf4j(), Clock.systemUTC());
        } catch (ContractException | IllegalArgumentException e) {
            System.err.println("crm-mcp-server: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            if (!portInUse(e)) {
                throw e;
            }
            System.err.println("crm-mcp-server: cannot listen on 127.0.0.1:" + config.port() + ": the port is in use");
            System.exit(3);
            return;
        }
        System.out.println("crm-mcp-server: MCP endpoint " + server.resource() + " (contract " + config.contract()
                + ", issuer " + config.issuer() + ")");
        System.out.println("crm-mcp-server: protected resource metadata " + server.auth.metadataUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    /** Javalin's bind failure (its cause chain holds a BindException): one line for a person, not a trace. */
    static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || t.getClass().getSimpleName().equals("JavalinBindException")) {
                return true;
            }
        }
        return false;
    }

    public static CrmMcpServer start(CrmConfig config, DecisionLog log, Clock clock) throws ContractException {
        var contract = Contracts.load(config.contract());
        String jwks = config.jwksUrl() != null ? config.jwksUrl() : config.issuer() + "/jwks.json";
        KeySource keys = KeySource.jwksUrl(URI.create(jwks));
        Crm crm = new Crm(clock, System.out);
        AtomicReference<McpAuthorization> authRef = new AtomicReference<>();
        AtomicReference<Filter> filterRef = new AtomicReference<>();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                // SDK 2.1.0's session sweeper runs on Schedulers.newSingle (a non-daemon thread) that closing never
                // disposes, so every server would keep its JVM alive: no sweeper (docs/mcp-integration.md)
                .sessionSweepInterval(null)
                // SDK 2.1.0 sends its own HTTP errors as serialized exceptions with stack traces: not to clients
                .jsonMapper(McpAuthorization.transportJsonMapper())
                .contextExtractor(request -> authRef.get().contextExtractor().extract(request))
                .build();
        Javalin app = Javalin.create(cfg -> {
                    cfg.startup.startupWatcherEnabled = false;
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get(
                            "/", ctx -> ctx.result("CRM MCP server: POST JSON-RPC to /mcp with a bearer token.\n"));
                    cfg.jetty.modifyServletContextHandler(handler -> {
                        ServletHolder servlet = new ServletHolder(transport);
                        servlet.setAsyncSupported(true);
                        handler.addServlet(servlet, "/mcp");
                        // bound late so that port 0 works: the resource URI needs the port
                        FilterHolder filter = new FilterHolder((Filter) (req, res, chain) -> {
                            Filter bound = filterRef.get();
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
                    });
                })
                .start("127.0.0.1", config.port()); // loopback only: demo credentials
        McpAuthorization auth = McpAuthorization.builder()
                .resource(config.resource() != null ? config.resource() : "http://localhost:" + app.port() + "/mcp")
                .contract(contract)
                .keys(keys)
                .issuer(config.issuer())
                .resourceName("ACME CRM")
                .decisionLog(log)
                .clock(clock)
                .build();
        authRef.set(auth);
        filterRef.set(auth.filter());
        McpSyncServer mcp = McpServer.sync(transport)
                .serverInfo("acme-crm", "1.0.0")
                .tools(auth.guard(new CrmTools(crm).all()))
                .build();
        return new CrmMcpServer(app, mcp, auth, crm);
    }

    /** The canonical resource URI (the audience tokens must name). */
    public String resource() {
        return auth.resource();
    }

    public int port() {
        return app.port();
    }

    public Crm crm() {
        return crm;
    }

    @Override
    public void close() {
        mcp.closeGracefully();
        app.stop();
    }
}
