package dev.tokencontract.lock;

import java.util.Objects;

/**
 * One pinned contract in a {@link Lockfile}.
 *
 * @param name    the contract name
 * @param version the exact version
 * @param sha256  lower-case hex SHA-256 of the contract document's bytes as the registry serves them
 */
public record LockEntry(String name, String version, String sha256) {

    public LockEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@code name@version}. */
    public String reference() {
        return name + "@" + version;
    }

    /** {@code sha-256:<hex>}, the form of the registry's ETag. */
    public String digest() {
        return "sha-256:" + sha256;
    }
}
