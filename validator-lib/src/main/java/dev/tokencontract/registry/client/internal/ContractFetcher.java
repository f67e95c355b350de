package dev.tokencontract.registry.client.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.HumanTime;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.registry.client.FetchSource;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryException.Kind;
import dev.tokencontract.registry.client.RegistrySettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One fetch: conditional GET with the cached ETag, digest check of every body before it is cached or used,
 * the resolved version checked against the requested range, and the last good copy on disk when the
 * registry is unreachable or answers 5xx (with a warning that says so and how old the copy is).
 */
public final class ContractFetcher {
    private final URI base;
    private final RegistrySettings settings;
    private final RegistryHttp http;
    private final DiskCache cache;

    public ContractFetcher(URI base, RegistrySettings settings, RegistryHttp http) {
        this.base = base;
        this.settings = settings;
        this.http = http;
        this.cache = new DiskCache(settings.cacheDir(), base, settings.maxBytes());
    }

    public DiskCache cache() {
        return cache;
    }

    public FetchedContract fetch(VersionSpec spec) throws RegistryException {
        DiskCache.Lookup cached = cache.read(spec);
        URI uri = URI.create(base + "/contracts/" + spec.name() + "/versions/"
                + URLEncoder.encode(spec.spec(), StandardCharsets.UTF_8));
        RegistryHttp.Response response;
        try {
            response =
                    http.get(uri, cached.entry() == null ? null : cached.entry().etag());
        } catch (RegistryException e) {
            if (e.kind() == Kind.UNREACHABLE) {
                return offline(spec, cached, e.getMessage());
            }
            throw e;
        }
        int status = response.status();
        if (status == 200) {
            return accept(spec, response);
        }
        if (status == 304) {
            return notModified(spec, cached, response);
        }
        if (status >= 500) {
            return offline(spec, cached, "registry " + base + " answered HTTP " + status);
        }
        if (status == 404) {
            throw new RegistryException(
                    Kind.NOT_FOUND, "the registry has no " + spec + " (HTTP 404)", Problems.from(response), List.of());
        }
        if (status >= 400) {
            throw new RegistryException(
                    Kind.REFUSED,
                    "the registry refused to serve " + spec + " (HTTP " + status + ")",
                    Problems.from(response),
                    List.of());
        }
        throw new RegistryException(Kind.BAD_RESPONSE, "unexpected HTTP " + status + " for " + spec);
    }

    /**
     * The verified copy on disk of an exact version, without asking the registry; empty when none was cached.
     * A cached copy that fails its digest check is an error, never silently skipped.
     */
    public java.util.Optional<FetchedContract> cachedOnly(VersionSpec spec) throws RegistryException {
        if (!spec.exact()) {
            throw new RegistryException(
                    Kind.INVALID_REFERENCE, "only an exact version is read from the cache alone, not " + spec);
        }
        DiskCache.Lookup cached = cache.read(spec);
        if (cached.entry() == null) {
            if (cached.problem() != null) {
                throw new RegistryException(
                        Kind.BAD_RESPONSE, "the cached copy of " + spec + " is unusable: " + cached.problem());
            }
            return java.util.Optional.empty();
        }
        DiskCache.Entry entry = cached.entry();
        return java.util.Optional.of(
                build(spec, entry.body(), entry.digest(), FetchSource.OFFLINE_CACHE, entry.confirmedAt(), List.of()));
    }

    private FetchedContract accept(VersionSpec spec, RegistryHttp.Response response) throws RegistryException {
        String etag = response.header("ETag").orElse(null);
        String claimed = Digests.fromEtag(etag);
        if (claimed == null) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry sent " + spec + " without a sha-256 ETag ("
                            + (etag == null ? "none" : Redact.value(etag))
                            + "); refusing a contract whose digest cannot be verified");
        }
        String actual = Digests.of(response.body());
        if (!Digests.same(claimed, actual)) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "digest mismatch for " + spec + ": the ETag says " + claimed + " but the body is " + actual
                            + "; refusing it");
        }
        Instant now = settings.clock().instant();
        FetchedContract fetched =
                build(spec, response.body(), actual, FetchSource.NETWORK, now, stateWarnings(spec, response));
        String header = response.header("Tokencontract-Version").orElse(null);
        if (header != null && !header.strip().equals(fetched.version())) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry says it resolved " + spec + " to " + Redact.value(header) + " but sent "
                            + fetched.reference());
        }
        fetched = warnIfPublishedVersionChanged(fetched);
        DiskCache.Entry entry = new DiskCache.Entry(etag.strip(), actual, fetched.version(), now, response.body());
        cache.write(spec, entry);
        if (!spec.exact()) {
            cache.write(new VersionSpec(spec.name(), fetched.version()), entry);
        }
        return fetched;
    }

    /**
     * An exact version is immutable: other bytes than the copy cached earlier are reported (a lockfile makes
     * it a failure). The new bytes passed their own digest check, so they are still what the registry serves.
     */
    private FetchedContract warnIfPublishedVersionChanged(FetchedContract fetched) {
        DiskCache.Entry earlier = cache.read(new VersionSpec(fetched.contract().name(), fetched.version()))
                .entry();
        if (earlier == null || Digests.same(earlier.digest(), fetched.digest())) {
            return fetched;
        }
        List<Finding> warnings = new java.util.ArrayList<>(fetched.warnings());
        warnings.add(Finding.warning(
                FindingCode.REGISTRY_VERSION_CHANGED,
                "",
                earlier.digest(),
                fetched.digest(),
                fetched.reference() + " was " + earlier.digest() + " when this machine cached it on "
                        + earlier.confirmedAt() + "; the registry now serves " + fetched.digest() + "."));
        return new FetchedContract(
                fetched.contract(),
                fetched.version(),
                fetched.digest(),
                fetched.source(),
                fetched.fetchedAt(),
                fetched.json(),
                warnings);
    }

    private FetchedContract notModified(VersionSpec spec, DiskCache.Lookup cached, RegistryHttp.Response response)
            throws RegistryException {
        DiskCache.Entry entry = cached.entry();
        if (entry == null) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry answered 304 Not Modified for " + spec + " although nothing was cached");
        }
        String etag = response.header("ETag").orElse(entry.etag());
        if (!Digests.same(Digests.fromEtag(etag), entry.digest())) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry answered 304 for " + spec + " with ETag " + Redact.value(etag) + ", not the cached "
                            + entry.digest());
        }
        Instant now = settings.clock().instant();
        FetchedContract fetched =
                build(spec, entry.body(), entry.digest(), FetchSource.NOT_MODIFIED, now, stateWarnings(spec, response));
        cache.write(spec, new DiskCache.Entry(entry.etag(), entry.digest(), entry.version(), now, entry.body()));
        return fetched;
    }

    /** A deprecated version is served, but the caller is told ({@code Tokencontract-State: DEPRECATED}). */
    private static List<Finding> stateWarnings(VersionSpec spec, RegistryHttp.Response response) {
        String state = response.header("Tokencontract-State").orElse("");
        if (!state.strip().equalsIgnoreCase("DEPRECATED")) {
            return List.of();
        }
        return List.of(Finding.warning(
                FindingCode.REGISTRY_VERSION_DEPRECATED,
                "",
                "ACTIVE",
                "DEPRECATED",
                "The registry marks the version it served for " + spec + " as deprecated."));
    }

    private FetchedContract offline(VersionSpec spec, DiskCache.Lookup cached, String reason) throws RegistryException {
        DiskCache.Entry entry = cached.entry();
        if (entry == null) {
            String disk = cached.problem() != null
                    ? "; the copy on disk is unusable: " + cached.problem()
                    : "; no copy on disk";
            throw new RegistryException(Kind.UNREACHABLE, reason + disk);
        }
        Duration age = Duration.between(entry.confirmedAt(), settings.clock().instant());
        Finding warning = Finding.warning(
                FindingCode.REGISTRY_OFFLINE_COPY,
                "",
                "a fresh answer from " + base,
                "copy confirmed " + entry.confirmedAt() + " (" + HumanTime.format(age) + " ago)",
                "Offline: " + Redact.shorten(reason, 200) + "; using the last good copy of " + spec.name() + "@"
                        + entry.version() + " from disk, " + HumanTime.format(age) + " old (" + entry.digest() + ").");
        return build(
                spec, entry.body(), entry.digest(), FetchSource.OFFLINE_CACHE, entry.confirmedAt(), List.of(warning));
    }

    private FetchedContract build(
            VersionSpec spec, byte[] body, String digest, FetchSource source, Instant at, List<Finding> warnings)
            throws RegistryException {
        String json = new String(body, StandardCharsets.UTF_8);
        Contract contract;
        try {
            contract = Contracts.parse(json);
        } catch (ContractException e) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry's " + spec + " is not an acceptable contract: " + e.getMessage(),
                    null,
                    e.findings());
        }
        if (!contract.name().equals(spec.name())) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "asked for " + spec + " but the document is " + Redact.value(contract.reference()));
        }
        if (!spec.allows(contract.version())) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "asked for " + spec + " but the registry sent version " + Redact.value(contract.version())
                            + ", which is outside that range");
        }
        return new FetchedContract(contract, contract.version(), digest, source, at, json, warnings);
    }
}
