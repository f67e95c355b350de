package dev.tokencontract.registry.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A version about to be published.
 *
 * @param name        contract name, already validated
 * @param version     exact semantic version
 * @param content     the contract document in canonical form (what is served and digested)
 * @param digest      {@code sha-256:<hex>} of {@code content}'s UTF-8 bytes
 * @param publishedBy the publisher's {@code sub} (and {@code client_id} when present)
 * @param publishedAt when
 */
public record NewVersion(
        String name, String version, String content, String digest, String publishedBy, Instant publishedAt) {
    public NewVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
