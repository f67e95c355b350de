package dev.tokencontract.registry.client;

/** Where a fetched contract came from. */
public enum FetchSource {
    /** A fresh 200 answer from the registry, digest verified. */
    NETWORK,
    /** The registry answered 304 to {@code If-None-Match}: the cached copy (digest re-verified) is current. */
    NOT_MODIFIED,
    /**
     * The registry was unreachable or answered 5xx, and the last good copy on disk was used. Always comes
     * with a {@link FindingCode#REGISTRY_OFFLINE_COPY} warning that gives the copy's age.
     */
    OFFLINE_CACHE
}
