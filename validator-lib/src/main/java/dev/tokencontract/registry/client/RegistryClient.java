package dev.tokencontract.registry.client;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.registry.client.internal.Admin;
import dev.tokencontract.registry.client.internal.ContractFetcher;
import dev.tokencontract.registry.client.internal.Publisher;
import dev.tokencontract.registry.client.internal.RegistryHttp;
import dev.tokencontract.registry.client.internal.UrlPolicy;
import dev.tokencontract.registry.client.internal.VersionSpec;
import java.net.URI;
import java.util.Objects;

/**
 * Fetches contracts from a Tokencontract registry and publishes them. Lockfiles are built on top of this
 * client by {@code dev.tokencontract.lock.LockClient}.
 *
 * <pre>{@code
 * RegistryClient registry = RegistryClient.create("https://registry.example.test");
 * FetchedContract fetched = registry.fetch("mcp-access-token@^1.0.0");
 * fetched.warnings().forEach(w -> log.warn(w.message()));      // e.g. an offline copy and its age
 * TokenValidator validator = TokenValidator.builder().contract(fetched.contract())...build();
 * }</pre>
 *
 * <p>Every body is checked against the SHA-256 its ETag names before it is cached or used; the cache
 * ({@link RegistrySettings#cacheDir()}) is revalidated with {@code If-None-Match}; when the registry is
 * unreachable or answers 5xx the last good copy on disk is used and a
 * {@link FindingCode#REGISTRY_OFFLINE_COPY} warning says so and how old it is. Plain http is refused except
 * to loopback. No token is sent except the bearer token of {@link #publish}. Thread-safe.
 */
public final class RegistryClient {
    private final URI base;
    private final RegistryHttp http;
    private final ContractFetcher fetcher;

    private RegistryClient(URI base, RegistrySettings settings) {
        this.base = base;
        this.http = new RegistryHttp(settings);
        this.fetcher = new ContractFetcher(base, settings, http);
    }

    /** A client of the registry at {@code baseUrl} with the default settings. */
    public static RegistryClient create(String baseUrl) throws RegistryException {
        return create(baseUrl, RegistrySettings.defaults());
    }

    /** Refuses a base URL that is not https (or http to loopback), or that carries credentials or a query. */
    public static RegistryClient create(String baseUrl, RegistrySettings settings) throws RegistryException {
        Objects.requireNonNull(settings, "settings");
        return new RegistryClient(UrlPolicy.base(baseUrl), settings);
    }

    /**
     * The base URL {@link #create} would use, normalised without a trailing slash; refused when it is not
     * https (or http to loopback), or carries credentials, a query or a fragment.
     */
    public static URI checkBaseUrl(String baseUrl) throws RegistryException {
        return UrlPolicy.base(baseUrl);
    }

    /** The normalised base URL. */
    public URI baseUrl() {
        return base;
    }

    /**
     * Fetches {@code name@version-or-range}: {@code name@1.0.0}, {@code name@1}, {@code name@1.2},
     * {@code name@^1.2.0}, {@code name@~1.2.0}, {@code name@latest} or {@code name}.
     */
    public FetchedContract fetch(String reference) throws RegistryException {
        return fetcher.fetch(VersionSpec.parse(reference));
    }

    /**
     * Publishes a contract document. The bearer token is sent only in this request's Authorization header
     * and never appears in an exception message. A redirect is not followed.
     *
     * @throws ContractException when the document fails lint here, before anything is sent
     * @throws RegistryException {@link RegistryException.Kind#REFUSED} with the registry's problem for
     *                           401/403/409/422, {@link RegistryException.Kind#UNREACHABLE} when it cannot be reached
     */
    public PublishResult publish(String contractJson, String bearerToken, boolean acknowledgeWidening)
            throws RegistryException, ContractException {
        Contract contract = Contracts.parse(contractJson);
        checkToken(bearerToken);
        return Publisher.publish(http, base, contract, contractJson, bearerToken, acknowledgeWidening);
    }

    /**
     * The copy of an exact version ({@code name@1.2.0}) this machine cached earlier, digest-checked, without
     * any request: source {@link FetchSource#OFFLINE_CACHE}, {@code fetchedAt} when the registry last confirmed
     * it, no warnings (the caller asked for the local copy). Empty when nothing is cached for it.
     *
     * @throws RegistryException {@link RegistryException.Kind#INVALID_REFERENCE} for a range or a malformed
     *                           reference; {@link RegistryException.Kind#BAD_RESPONSE} when the cached copy
     *                           fails its digest check or is not a contract
     */
    public java.util.Optional<FetchedContract> cached(String exactReference) throws RegistryException {
        return fetcher.cachedOnly(VersionSpec.parse(exactReference));
    }

    /** The names of the contracts the registry holds ({@code GET /contracts}); no credentials are sent. */
    public java.util.List<String> contractNames() throws RegistryException {
        return Admin.names(http, base);
    }

    /**
     * Sets a contract's compatibility mode ({@code PUT /contracts/{name}/config}); the token needs the
     * {@code contracts:admin} scope. The token goes only into this request's Authorization header.
     *
     * @param mode {@code NONE}, {@code BACKWARD}, {@code FORWARD}, {@code FULL} or a {@code _TRANSITIVE} form;
     *             the registry refuses anything else (400)
     */
    public AdminResult setMode(String name, String mode, String adminToken) throws RegistryException {
        checkToken(adminToken);
        return Admin.setMode(http, base, name, Objects.requireNonNull(mode, "mode"), adminToken);
    }

    /**
     * Sets the state of one exact version ({@code PUT /contracts/{name}/versions/{version}/state}), e.g.
     * {@code DEPRECATED}; the token needs {@code contracts:admin}.
     */
    public AdminResult setState(String name, String version, String state, String adminToken) throws RegistryException {
        checkToken(adminToken);
        return Admin.setState(http, base, name, version, Objects.requireNonNull(state, "state"), adminToken);
    }

    private static void checkToken(String bearerToken) {
        if (bearerToken == null
                || bearerToken.isEmpty()
                || bearerToken.length() > 16 * 1024
                || !bearerToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the bearer token must be 1 to 16384 visible ASCII characters"
                    + " (length given: " + (bearerToken == null ? 0 : bearerToken.length()) + ")");
        }
    }

    @Override
    public String toString() {
        return "RegistryClient[" + Redact.value(base.toString()) + "]";
    }
}
