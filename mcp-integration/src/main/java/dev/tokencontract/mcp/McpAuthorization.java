package dev.tokencontract.mcp;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.OperationRule;
import dev.tokencontract.mcp.internal.MetadataDocument;
import dev.tokencontract.mcp.internal.OriginPolicy;
import dev.tokencontract.mcp.internal.SessionBindings;
import dev.tokencontract.mcp.internal.TransportErrorJsonMapper;
import dev.tokencontract.validator.AccessTokenValidator;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.MultiIssuerValidator;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.TrustedIssuer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Protects an MCP server with a pinned token contract, per the MCP authorization specification
 * 2025-11-25: the {@link #filter() servlet filter} validates the bearer token, answers 401/403 with
 * {@code WWW-Authenticate}, serves the RFC 9728 metadata document and decides each {@code tools/call}
 * from the contract's {@code x-authorization}; the {@link #contextExtractor() context extractor} hands
 * the verified {@link CallerIdentity} to tool handlers; {@link #guard(SyncToolSpecification)} re-checks
 * inside each handler. Immutable and thread-safe.
 *
 * <pre>{@code
 * McpAuthorization auth = McpAuthorization.builder()
 *         .resource("https://crm.example.test/mcp")
 *         .contract(Contracts.load("mcp-access-token@1"))
 *         .keys(KeySource.jwksUrl(URI.create("https://login.example.test/jwks.json")))
 *         .issuer("https://login.example.test")
 *         .build();
 * }</pre>
 */
public final class McpAuthorization {
    /** Default cap on a JSON-RPC request body the filter reads to find tool calls. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private final String resource;
    private final AccessTokenValidator validator;
    private final Contract contract;
    private final List<String> authorizationServers;
    private final List<String> scopesSupported;
    private final String resourceName;
    private final String tenantClaim;
    private final DecisionLog decisionLog;
    private final int maxBodyBytes;
    private final ToolAccess access;
    private final OriginPolicy origins;
    private final SessionBindings sessions = new SessionBindings();

    private McpAuthorization(Builder builder, String resource, AccessTokenValidator validator, List<String> issuers) {
        this.resource = resource;
        this.validator = validator;
        this.contract = builder.contract;
        this.authorizationServers =
                List.copyOf(builder.authorizationServers.isEmpty() ? issuers : builder.authorizationServers);
        Set<String> scopes = new TreeSet<>();
        for (OperationRule rule : builder.contract.authorization().operations().values()) {
            scopes.addAll(rule.scopes());
        }
        this.scopesSupported = List.copyOf(scopes); // sorted
        this.resourceName = builder.resourceName;
        this.tenantClaim = builder.tenantClaim;
        this.decisionLog = builder.decisionLog;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.access = new ToolAccess(builder.contract.authorization());
        this.origins = OriginPolicy.of(resource, builder.allowedOrigins, builder.corsOrigins);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * For the SDK transport's {@code jsonMapper(...)}: the SDK's default mapper, except that the transport's own
     * HTTP errors (no session, unknown session, wrong Accept header) go out as JSON-RPC errors instead of a
     * serialized Java exception with its stack trace (SDK 2.1.0).
     */
    public static McpJsonMapper transportJsonMapper() {
        return new TransportErrorJsonMapper(McpJsonDefaults.getMapper());
    }

    /** The servlet filter: map it to the MCP endpoint and to {@link #metadataPaths()}. */
    public McpBearerFilter filter() {
        return new McpBearerFilter(this);
    }

    /** For the SDK transport's {@code contextExtractor(...)}: the verified caller, under {@link CallerIdentity#CONTEXT_KEY}. */
    public McpTransportContextExtractor<HttpServletRequest> contextExtractor() {
        return request -> {
            Object identity = request.getAttribute(CallerIdentity.CONTEXT_KEY);
            return identity instanceof CallerIdentity
                    ? McpTransportContext.create(Map.of(CallerIdentity.CONTEXT_KEY, identity))
                    : McpTransportContext.EMPTY;
        };
    }

    /**
     * The tool with its handler behind a second check: no identity in the transport context, or an identity
     * the contract does not grant the tool, gets an error result (and a logged denial) instead of a call.
     */
    public SyncToolSpecification guard(SyncToolSpecification tool) {
        String name = tool.tool().name();
        return new SyncToolSpecification(tool.tool(), (exchange, request) -> {
            CallerIdentity caller = CallerIdentity.from(exchange).orElse(null);
            AuthorizationDecision decision = caller == null
                    ? new AuthorizationDecision(
                            false,
                            DecisionReason.NO_IDENTITY,
                            name,
                            null,
                            List.of(),
                            "the tool ran without a verified identity; is the filter in front of the endpoint?")
                    : access.decide(name, caller);
            if (!decision.allowed()) {
                decisionLog.record(decision);
                return CallToolResult.builder()
                        .isError(true)
                        .addTextContent("denied: " + decision.reason() + " " + String.join(" ", decision.missing()))
                        .build();
            }
            return tool.callHandler().apply(exchange, request);
        });
    }

    /** Every tool guarded. */
    public List<SyncToolSpecification> guard(List<SyncToolSpecification> tools) {
        List<SyncToolSpecification> guarded = new ArrayList<>();
        tools.forEach(t -> guarded.add(guard(t)));
        return guarded;
    }

    /** The canonical resource URI: the audience tokens must name. */
    public String resource() {
        return resource;
    }

    /** The absolute URL of the metadata document, as sent in {@code resource_metadata}. */
    public String metadataUrl() {
        return ResourceUri.metadataUrl(resource);
    }

    /**
     * Where the metadata is served: {@code /.well-known/oauth-protected-resource} followed by the resource's path
     * (RFC 9728 section 3.1). Not also at the root for a resource under a path: a document found there must name
     * the root as its {@code resource} (section 3.3), which is not this server.
     */
    public List<String> metadataPaths() {
        return List.of(ResourceUri.metadataPath(resource));
    }

    /** The metadata document. */
    public String metadataJson() {
        return MetadataDocument.json(resource, authorizationServers, scopesSupported, resourceName);
    }

    /** Scopes named by any tool rule in the contract, sorted. */
    public List<String> scopesSupported() {
        return scopesSupported;
    }

    AccessTokenValidator validator() {
        return validator;
    }

    ToolAccess access() {
        return access;
    }

    OriginPolicy origins() {
        return origins;
    }

    SessionBindings sessions() {
        return sessions;
    }

    DecisionLog decisionLog() {
        return decisionLog;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    String tenantClaim() {
        return tenantClaim;
    }

    Contract contract() {
        return contract;
    }

    /** Builds the integration; {@code build()} refuses missing resource, contract, keys or issuer. */
    public static final class Builder {
        private String resource;
        private Contract contract;
        private KeySource keys;
        private String issuer;
        private final Map<String, KeySource> trusted = new LinkedHashMap<>();
        private final List<String> authorizationServers = new ArrayList<>();
        private String resourceName;
        private String tenantClaim = "tenant_id";
        private Clock clock = Clock.systemUTC();
        private Duration leeway = TokenValidator.DEFAULT_LEEWAY;
        private DecisionLog decisionLog = DecisionLog.slf4j();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private List<String> allowedOrigins;
        private List<String> corsOrigins = List.of();

        private Builder() {}

        /**
         * The browser origins ({@code scheme://host[:port]}) allowed to call the endpoint, besides the server's own.
         * Default: the server's own origin and loopback origins ({@code localhost}, {@code 127.0.0.1},
         * {@code [::1]}, any port). A request whose {@code Origin} is not allowed gets 403 before any token work;
         * a request without {@code Origin} (not from a browser page) is not affected.
         */
        public Builder allowedOrigins(List<String> origins) {
            origins.forEach(OriginPolicy::require);
            this.allowedOrigins = List.copyOf(origins);
            return this;
        }

        /**
         * Browser origins that get CORS headers ({@code Access-Control-Allow-Origin} for that origin, exposing
         * {@code WWW-Authenticate} and {@code Mcp-Session-Id}); they are allowed origins as well. Default: none
         * (no CORS). There is no wildcard.
         */
        public Builder corsOrigins(List<String> origins) {
            if (origins.stream().anyMatch("*"::equals)) {
                throw new IllegalArgumentException("CORS needs an explicit list of origins; '*' is refused");
            }
            origins.forEach(OriginPolicy::require);
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /** This server's URI (the MCP endpoint), canonicalised; tokens must name it in {@code aud}. */
        public Builder resource(String uri) {
            this.resource = ResourceUri.canonical(uri);
            return this;
        }

        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        public Builder keys(KeySource keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** The issuer tokens must come from ({@code iss}, exact match). */
        public Builder issuer(String issuer) {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("issuer must not be blank");
            }
            this.issuer = issuer;
            return this;
        }

        /**
         * One more trusted issuer with its own keys (a realm per tenant), besides or instead of
         * {@code issuer(...)} with {@code keys(...)}. Tokens are routed by their {@code iss} before any key is
         * fetched: an issuer not named here is refused without a network call. All share this server's contract
         * and audience.
         */
        public Builder trustIssuer(String issuer, KeySource keys) {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("issuer must not be blank");
            }
            if (trusted.putIfAbsent(issuer, Objects.requireNonNull(keys, "keys")) != null) {
                throw new IllegalArgumentException("issuer " + issuer + " is trusted twice");
            }
            return this;
        }

        /** An authorization server for the metadata document; default: the issuer(s). */
        public Builder authorizationServer(String uri) {
            URI parsed = URI.create(uri);
            if (!parsed.isAbsolute()) {
                throw new IllegalArgumentException("authorization server must be an absolute URI: " + uri);
            }
            authorizationServers.add(uri);
            return this;
        }

        /** A human-readable name for the metadata document. */
        public Builder resourceName(String name) {
            this.resourceName = name;
            return this;
        }

        /** The claim holding the tenant; default {@code tenant_id}. */
        public Builder tenantClaim(String claim) {
            this.tenantClaim = Objects.requireNonNull(claim, "claim");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder leeway(Duration leeway) {
            this.leeway = Objects.requireNonNull(leeway, "leeway");
            return this;
        }

        /** Where decisions go; default {@link DecisionLog#slf4j()}. */
        public Builder decisionLog(DecisionLog log) {
            this.decisionLog = Objects.requireNonNull(log, "log");
            return this;
        }

        public Builder maxBodyBytes(int max) {
            if (max < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
            }
            this.maxBodyBytes = max;
            return this;
        }

        public McpAuthorization build() {
            if (resource == null) {
                throw new IllegalStateException("no resource: call resource(\"https://.../mcp\")");
            }
            if ((issuer == null) != (keys == null)) {
                throw new IllegalStateException("issuer(...) and keys(...) go together");
            }
            if (contract == null || (issuer == null && trusted.isEmpty())) {
                throw new IllegalStateException("contract, keys and issuer are all required");
            }
            Map<String, KeySource> all = new LinkedHashMap<>();
            if (issuer != null) {
                all.put(issuer, keys);
            }
            trusted.forEach((name, source) -> {
                if (all.putIfAbsent(name, source) != null) {
                    throw new IllegalStateException("issuer " + name + " is trusted twice");
                }
            });
            // The canonical form is what clients must send (RFC 8707); the form with one trailing slash names
            // the same server and is accepted for robustness (docs/decisions/0011).
            AccessTokenValidator validator;
            if (all.size() == 1) {
                Map.Entry<String, KeySource> only = all.entrySet().iterator().next();
                validator = TokenValidator.builder()
                        .contract(contract)
                        .keys(only.getValue())
                        .expectIssuer(only.getKey())
                        .expectAudience(resource)
                        .expectAudience(resource + "/")
                        .clock(clock)
                        .leeway(leeway)
                        .skipContractUnlessSignatureVerified() // anonymous callers must not choose the cost of a 401
                        // (issue 13)
                        .build();
            } else {
                MultiIssuerValidator.Builder multi = MultiIssuerValidator.builder()
                        .expectAudience(resource)
                        .expectAudience(resource + "/")
                        .clock(clock)
                        .leeway(leeway);
                all.forEach((name, source) -> multi.trust(TrustedIssuer.of(name, contract, source)));
                validator = multi.build();
            }
            return new McpAuthorization(this, resource, validator, List.copyOf(all.keySet()));
        }
    }
}
