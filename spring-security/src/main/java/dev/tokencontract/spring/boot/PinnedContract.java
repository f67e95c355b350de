package dev.tokencontract.spring.boot;

import dev.tokencontract.contract.Contract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contract the application enforces and where it came from, for the health endpoint and the logs.
 *
 * @param contract  the compiled contract
 * @param origin    {@code bundled or file} (from {@code tokencontract.contract}) or the registry's base URL
 * @param digest    {@code sha-256:<hex>} as pinned by the lockfile; empty when not from a registry
 * @param source    how the registry client got the bytes ({@code NETWORK}, {@code NOT_MODIFIED},
 *                  {@code OFFLINE_CACHE}); empty when not from a registry
 * @param fetchedAt when the registry last confirmed the bytes; empty when not from a registry
 * @param warnings  the registry client's warnings, e.g. {@code REGISTRY_OFFLINE_COPY: ...}
 */
public record PinnedContract(
        Contract contract,
        String origin,
        Optional<String> digest,
        Optional<String> source,
        Optional<Instant> fetchedAt,
        List<String> warnings) {

    public PinnedContract {
        warnings = List.copyOf(warnings);
    }

    static PinnedContract local(Contract contract) {
        return new PinnedContract(
                contract, "bundled or file", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** True when the registry could not be reached and the verified offline copy is in use. */
    public boolean offlineCopy() {
        return source.filter("OFFLINE_CACHE"::equals).isPresent();
    }
}
