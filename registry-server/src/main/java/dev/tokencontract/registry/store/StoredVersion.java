package dev.tokencontract.registry.store;

import java.time.Instant;

/** A published version as stored: immutable but for its {@link VersionState}. */
public record StoredVersion(
        String name,
        String version,
        String content,
        String digest,
        VersionState state,
        String publishedBy,
        Instant publishedAt) {}
