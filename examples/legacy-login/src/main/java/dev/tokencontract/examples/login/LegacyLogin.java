package dev.tokencontract.examples.login;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small legacy login: a branded form, an OAuth 2.1 authorization server for MCP clients (code + PKCE, RFC 7591
 * registration, rotating refresh tokens), the legacy grants, its JWKS and its RFC 8414 metadata. It is not an
 * OpenID provider (no ID tokens), so it serves no OpenID Connect discovery document.
 * {@code examples/run legacy-login [--port 9000] [--drift roles-string,...]}.
 */
public final class LegacyLogin implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Javalin app;
    private final AtomicReference<LoginConfig> config;
    private final String issuer;
    private final TokenMinter minter;

    private LegacyLogin(Javalin app, AtomicReference<LoginConfig> config, String issuer, TokenMinter minter) {
        this.app = app;
        this.config = config;
        this.issuer = issuer;
        this.minter = minter;
    }

    public static void main(String[] args) {
        LoginConfig config;
        try {
            config = LoginConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals("usage")) {
                System.err.println("legacy-login: " + e.getMessage());
            }
            System.err.println(
                    "usage: legacy-login [--port 9000] [--issuer URL] [--crm-resource URL] [--hub-resource URL] [--drift opaque,tenant-renamed,roles-string,aud-missing,long-lived] [--allow-loopback-client-metadata (tests only)]");
            System.exit(2);
            return;
        }
        if (LoginConfig.DEMO_HUB_SECRET.equals(config.hubSecret())) {
            System.err.println("legacy-login: HUB_CLIENT_SECRET is not set; using the demo hub secret");
        }
        // a busy port is one line, before Javalin logs its own error with a stack trace
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", config.port()));
        } catch (java.io.IOException e) {
            System.err.println("legacy-login: cannot listen on 127.0.0.1:" + config.port() + ": the port is in use");
            System.exit(3);
            return;
        }
        LegacyLogin login;
        try {
            login = start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (!portInUse(e)) {
                throw e;
            }
            System.err.println("legacy-login: cannot listen on 127.0.0.1:" + config.port() + ": the port is in use");
            System.exit(3);
            return;
        }
        System.out.println("legacy-login: issuer " + login.issuer() + " (drift: "
                + (config.drifts().isEmpty()
                        ? "none"
                        : String.join(
                                ",", config.drifts().stream().map(Drift::id).toList()))
                + ")");
        System.out.println(
                "legacy-login: sign in at " + login.issuer() + "/ ; token endpoint " + login.issuer() + "/token");
        Runtime.getRuntime().addShutdownHook(new Thread(login::close));
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

    public static LegacyLogin start(LoginConfig initial, Clock clock) {
        TokenMinter minter = new TokenMinter(clock);
        ClientRegistry clients =
                new ClientRegistry(clock, new ClientMetadataDocuments(clock, initial.allowLoopbackClientMetadata()));
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        RefreshTokens refreshTokens = new RefreshTokens(clock);
        String[] issuerHolder = new String[1];
        AtomicReference<LoginConfig> current = new AtomicReference<>(initial);
        Javalin app = Javalin.create(cfg -> {
                    cfg.startup.startupWatcherEnabled = false;
                    cfg.startup.showJavalinBanner = false;
                    cfg.jsonMapper(new JavalinJackson3());
                    cfg.http.maxRequestSize = 64 * 1024;
                    cfg.routes.get(
                            "/",
                            ctx -> ctx.html(LoginPage.form(null, current.get().drifts())));
                    cfg.routes.post("/login", ctx -> formLogin(ctx, minter, current.get(), issuerHolder[0]));
                    cfg.routes.post(
                            "/token",
                            ctx -> token(
                                    ctx,
                                    new TokenEndpoint(
                                            minter, current.get(), issuerHolder[0], clients, codes, refreshTokens)));
                    cfg.routes.get(
                            "/authorize",
                            ctx -> answer(
                                    ctx,
                                    new AuthorizeEndpoint(clients, codes, current.get()).show(ctx.queryParamMap())));
                    cfg.routes.post(
                            "/authorize",
                            ctx -> answer(
                                    ctx,
                                    new AuthorizeEndpoint(clients, codes, current.get()).submit(ctx.formParamMap())));
                    cfg.routes.post("/register", ctx -> {
                        TokenEndpoint.Answer answer = clients.register(ctx.contentType(), ctx.bodyAsBytes());
                        ctx.header("Cache-Control", "no-store");
                        ctx.status(answer.status())
                                .contentType("application/json")
                                .result(answer.json());
                    });
                    cfg.routes.get(
                            "/jwks.json",
                            ctx -> ctx.contentType("application/jwk-set+json").result(minter.jwks()));
                    cfg.routes.get(
                            "/.well-known/oauth-authorization-server",
                            ctx -> ctx.contentType("application/json").result(discovery(issuerHolder[0])));
                    // Browser-based MCP clients (the Inspector's web UI) call these from their own origin. No cookies
                    // or ambient
                    // credentials are involved anywhere here, so any origin may read the answers; /authorize is a page,
                    // not an API.
                    for (String path :
                            List.of("/.well-known/oauth-authorization-server", "/jwks.json", "/token", "/register")) {
                        cfg.routes.options(
                                path,
                                ctx -> ctx.status(204)
                                        .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                                        .header(
                                                "Access-Control-Allow-Headers",
                                                "Authorization, Content-Type, MCP-Protocol-Version")
                                        .header("Access-Control-Max-Age", "600"));
                    }
                    cfg.routes.before(ctx -> {
                        if (List.of("/.well-known/oauth-authorization-server", "/jwks.json", "/token", "/register")
                                .contains(ctx.path())) {
                            ctx.header("Access-Control-Allow-Origin", "*");
                        }
                    });
                })
                .start("127.0.0.1", initial.port()); // loopback only: demo credentials
        String issuer = initial.issuer() != null ? initial.issuer() : "http://localhost:" + app.port();
        issuerHolder[0] = issuer;
        return new LegacyLogin(app, current, issuer, minter);
    }

    private static void answer(Context ctx, AuthorizeEndpoint.Outcome outcome) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY"); // a sign-in form: no clickjacking
        if (outcome instanceof AuthorizeEndpoint.Redirect redirect) {
            ctx.status(302).header("Location", redirect.location());
        } else if (outcome instanceof AuthorizeEndpoint.Page page) {
            ctx.status(page.status()).html(page.html());
        }
    }

    private static void token(Context ctx, TokenEndpoint endpoint) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        TokenEndpoint.Answer answer;
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            answer = TokenEndpoint.error(
                    400, "invalid_request", "send application/x-www-form-urlencoded (RFC 6749 section 3.2)");
        } else if (ctx.queryString() != null) {
            answer =
                    TokenEndpoint.error(400, "invalid_request", "credentials belong in the body, not the query string");
        } else {
            String[] basic = basic(ctx.header("Authorization"));
            answer = basic == null && ctx.header("Authorization") != null
                    ? TokenEndpoint.error(401, "invalid_client", "unreadable Basic credentials")
                    : endpoint.handle(
                            ctx.formParamMap(), basic == null ? null : basic[0], basic == null ? null : basic[1]);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(answer.status()).contentType("application/json").result(answer.json());
    }

    /** {@code [clientId, secret]} from {@code Basic}, or null when absent or unreadable. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // RFC 6749 section 2.3.1: both parts are form-urlencoded before they are joined
            return colon < 0
                    ? null
                    : new String[] {
                        java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                    };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void formLogin(Context ctx, TokenMinter minter, LoginConfig config, String issuer) {
        TokenEndpoint endpoint = new TokenEndpoint(minter, config, issuer);
        Map<String, List<String>> form = Map.of(
                "grant_type",
                List.of("password"),
                "client_id",
                List.of(Directory.AGENT_CLIENT),
                "username",
                List.of(orEmpty(ctx.formParam("username"))),
                "password",
                List.of(orEmpty(ctx.formParam("password"))),
                "tenant",
                List.of(orEmpty(ctx.formParam("tenant"))));
        TokenEndpoint.Answer answer = endpoint.handle(form, null, null);
        if (answer.status() != 200) {
            ctx.status(401)
                    .html(LoginPage.form(
                            "Sign-in failed: "
                                    + JSON.readTree(answer.json())
                                            .path("error_description")
                                            .asString(),
                            config.drifts()));
            return;
        }
        String token = JSON.readTree(answer.json()).path("access_token").asString();
        String user = ctx.formParam("username");
        ctx.header("Cache-Control", "no-store"); // the page shows a bearer token
        ctx.html(LoginPage.issued(
                Directory.user(user).map(Directory.User::displayName).orElse(user),
                ctx.formParam("tenant"),
                token,
                claimsOf(token),
                config.drifts()));
    }

    private static String claimsOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return "(opaque token: nothing to read)";
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).toPrettyString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String discovery(String issuer) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("issuer", issuer);
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks.json");
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("registration_endpoint", issuer + "/register");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.put("client_id_metadata_document_supported", true); // public clients; see ClientMetadataDocuments
        // exactly what works: the MCP clients' grants, then the legacy agent's password grant, the hub's exchange and
        // its client credentials (each is tested in LegacyLoginTest and AuthorizationCodeFlowTest)
        doc.putArray("grant_types_supported")
                .add("authorization_code")
                .add("refresh_token")
                .add("password")
                .add(TokenEndpoint.TOKEN_EXCHANGE)
                .add("client_credentials");
        doc.putArray("token_endpoint_auth_methods_supported")
                .add("none")
                .add("client_secret_basic")
                .add("client_secret_post");
        doc.putArray("response_types_supported").add("code");
        doc.putArray("response_modes_supported").add("query");
        Scopes.KNOWN.forEach(doc.putArray("scopes_supported")::add);
        return doc.toPrettyString();
    }

    public int port() {
        return app.port();
    }

    public String issuer() {
        return issuer;
    }

    public LoginConfig config() {
        return config.get();
    }

    /**
     * A token for any user, minted exactly as the token endpoint would (same key, same drifts), for the CRM's
     * resource, without a password: the producer seam for conformance suites, which ask for arbitrary users.
     * Not reachable over HTTP.
     */
    public String mintFor(String subject, String tenant, List<String> roles, List<String> scopes) {
        return mintFor(subject, tenant, roles, scopes, config.get().crmResource());
    }

    /**
     * As {@link #mintFor(String, String, List, List)}, for {@code audience} (e.g. the hub's resource: the
     * user's token a hub exchanges, for carrier suites). Not reachable over HTTP.
     */
    public String mintFor(String subject, String tenant, List<String> roles, List<String> scopes, String audience) {
        return minter.mint(
                new TokenMinter.Grant(subject, tenant, roles, scopes, audience, Directory.AGENT_CLIENT, List.of()),
                issuer,
                config.get().drifts());
    }

    /**
     * Issues CRM tokens for {@code resource} from now on: for a CRM started after the login on a free port,
     * whose URI was not known when the login started.
     */
    public void useCrmResource(String resource) {
        config.updateAndGet(c -> c.withCrmResource(resource));
    }

    @Override
    public void close() {
        app.stop();
    }
}
