package dev.tokencontract.registry.client;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A contract fetched from a registry, compiled, with where it came from.
 *
 * @param contract  the linted, compiled contract
 * @param version   the exact version the reference resolved to
 * @param digest    {@code sha-256:<hex>} of {@link #json()}'s UTF-8 bytes, verified against the registry's ETag
 * @param source    network, not-modified (cache revalidated) or offline cache
 * @param fetchedAt when the bytes were last confirmed by the registry (for an offline copy: how old it is)
 * @param json      the contract document exactly as the registry sent it
 * @param warnings  findings for the caller to show, e.g. {@link FindingCode#REGISTRY_OFFLINE_COPY}; never hidden
 */
public record FetchedContract(
        Contract contract,
        String version,
        String digest,
        FetchSource source,
        Instant fetchedAt,
        String json,
        List<Finding> warnings) {

    public FetchedContract {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(json, "json");
        warnings = List.copyOf(warnings);
    }

    public String name() {
        return contract.name();
    }

    /** {@code name@version}. */
    public String reference() {
        return contract.name() + "@" + version;
    }

    /** The digest as plain hex, the form lockfiles store. */
    public String sha256() {
        return digest.substring(digest.indexOf(':') + 1);
    }
}
