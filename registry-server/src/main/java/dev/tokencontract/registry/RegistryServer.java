package dev.tokencontract.registry;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.registry.internal.Authenticator;
import dev.tokencontract.registry.internal.ExplainService;
import dev.tokencontract.registry.internal.Metrics;
import dev.tokencontract.registry.internal.RegistryApp;
import dev.tokencontract.registry.internal.Services;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The registry's HTTP server: the REST API of {@code docs/registry-api.md} over a {@link ContractStore}.
 *
 * <pre>{@code
 * RegistryServer server = RegistryServer.builder().store(store)
 *         .publishers(new PublisherAuth(KeySource.jwksFile(jwks), "https://login.example", Optional.empty()))
 *         .build().start("127.0.0.1", 8080);
 * }</pre>
 * Without {@link Builder#publishers} reads work and every write answers 503 {@code writes-disabled}.
 * The store is not closed by {@link #stop()}; its owner closes it.
 */
public final class RegistryServer implements AutoCloseable {
    /** The compatibility mode a contract has until an admin sets one (see docs/registry-api.md). */
    public static final CompatibilityMode DEFAULT_MODE = CompatibilityMode.FULL_TRANSITIVE;

    private final Services services;
    private final PublisherAuth publishers;
    private final Javalin app;
    private final Consumer<String> log;
    private final List<RegistryApp.Route> routes = Collections.synchronizedList(new ArrayList<>());
    private String url;
    private String audience;

    private RegistryServer(Builder b) {
        this.services = new Services(
                b.store,
                new Metrics(),
                b.clock,
                b.requireReadToken,
                b.readCacheTtl,
                DEFAULT_MODE,
                b.shutdownGrace,
                b.counterexamples,
                b.limits,
                b.log);
        this.publishers = b.publishers;
        services.explain(ExplainService.of(b.explainTrust, b.explainLimits));
        this.app = RegistryApp.create(services, b.log, routes);
        this.log = b.log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds {@code host:port} (port 0: any free port) and starts serving. */
    public RegistryServer start(String host, int port) {
        app.start(host, port);
        String printableHost = host.contains(":") ? "[" + host + "]" : host;
        this.url = "http://" + printableHost + ":" + app.port();
        if (publishers != null) {
            this.audience = publishers.audience().orElse(url);
            services.auth(new Authenticator(TokenValidator.builder()
                    .contract(publisherContract())
                    .keys(publishers.keys())
                    .expectIssuer(publishers.issuer())
                    .expectAudience(audience)
                    .clock(services.clock)
                    .skipContractUnlessSignatureVerified() // anonymous writers must not choose the cost of a 401
                    .build()));
        }
        return this;
    }

    private static dev.tokencontract.contract.Contract publisherContract() {
        try {
            return Contracts.bundled("registry-publisher@1");
        } catch (ContractException e) {
            throw new IllegalStateException("the bundled registry-publisher contract is missing or broken", e);
        }
    }

    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT}. */
    public String url() {
        return url;
    }

    /** The audience write tokens must carry; empty when writes are not configured. */
    public Optional<String> audience() {
        return Optional.ofNullable(audience);
    }

    /** Every route the app serves (method and path template), e.g. for checking the OpenAPI document. */
    public List<String> routes() {
        return List.copyOf(routes).stream()
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    /**
     * Stops accepting requests and lets in-flight ones finish for up to the shutdown grace (default 10 s), then
     * stops, cutting off what still runs. Never throws: an expired grace is one line in the request log.
     */
    public void stop() {
        RegistryApp.stop(app, services, log);
    }

    @Override
    public void close() {
        stop();
    }

    public static final class Builder {
        private ContractStore store;
        private PublisherAuth publishers;
        private boolean requireReadToken;
        private Clock clock = Clock.systemUTC();
        private Duration readCacheTtl = Duration.ofSeconds(1);
        private Consumer<String> log = System.out::println;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private CounterexampleSearch counterexamples;
        private RegistryLimits limits = RegistryLimits.defaults();
        private final List<KeySource> explainTrust = new ArrayList<>();
        private ExplainLimits explainLimits = ExplainLimits.defaults();

        private Builder() {}

        public Builder store(ContractStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Enables writes for tokens these settings accept. */
        public Builder publishers(PublisherAuth publishers) {
            this.publishers = Objects.requireNonNull(publishers, "publishers");
            return this;
        }

        /** Reads need a token with scope contracts:read (requires {@link #publishers}). */
        public Builder requireReadToken(boolean require) {
            this.requireReadToken = require;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How stale this replica's view of version lists and states may be (default 1 s): writes through this
         * replica show at once, other replicas' writes within this time. Published bytes are cached for good.
         */
        public Builder readCacheTtl(Duration ttl) {
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative");
            }
            this.readCacheTtl = ttl;
            return this;
        }

        /**
         * How long {@link #stop()} lets in-flight requests finish (default 10 s); new connections are refused
         * meanwhile. Zero stops at once.
         */
        public Builder shutdownGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("grace must not be negative");
            }
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * A search that turns each refused direction into a concrete claim set (the conformance kit's
         * {@code ContractCounterexamples}); incompatible answers then carry {@code counterexamples}.
         * Default: none, and the member is left out.
         */
        public Builder counterexamples(CounterexampleSearch search) {
            this.counterexamples = Objects.requireNonNull(search, "search");
            return this;
        }

        /** What one client may cost (default {@link RegistryLimits#defaults()}; see docs/registry-api.md). */
        public Builder limits(RegistryLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Keys {@code POST /ui/api/explain} verifies tokens with when the request pastes no JWK set (repeat: any of
         * them may verify), e.g. {@code KeySource.jwksUrl(...)} for each trusted IdP. None by default: such tokens
         * are then judged but never accepted.
         */
        public Builder trustForExplain(KeySource keys) {
            this.explainTrust.add(Objects.requireNonNull(keys, "keys"));
            return this;
        }

        /** What one client may cost {@code POST /ui/api/explain} (default {@link ExplainLimits#defaults()}). */
        public Builder explainLimits(ExplainLimits limits) {
            this.explainLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Where one-line JSON request logs go (default: stdout). */
        public Builder requestLog(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public RegistryServer build() {
            if (store == null) {
                throw new IllegalStateException("no store: call store(...)");
            }
            if (requireReadToken && publishers == null) {
                throw new IllegalStateException(
                        "requireReadToken needs publishers(...): nothing could check read tokens");
            }
            return new RegistryServer(this);
        }
    }
}
