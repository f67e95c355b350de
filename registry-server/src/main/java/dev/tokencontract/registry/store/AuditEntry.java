package dev.tokencontract.registry.store;

import java.time.Instant;

/**
 * One audited write attempt.
 *
 * @param at       when
 * @param action   {@code publish}, {@code config}, {@code state}
 * @param subject  the caller's {@code sub}, or {@code anonymous} / {@code invalid-token}
 * @param clientId the caller's {@code client_id} or {@code azp}; may be null
 * @param name     contract name; may be null when the request named none validly
 * @param version  version; may be null
 * @param digest   content digest; may be null
 * @param result   HTTP status and problem code or outcome, e.g. {@code 201 created}, {@code 403 namespace-denied}
 */
public record AuditEntry(
        Instant at,
        String action,
        String subject,
        String clientId,
        String name,
        String version,
        String digest,
        String result) {
    /** The action of a publish attempt. */
    public static final String PUBLISH = "publish";
    /** The result of a publish that stored its version; written in the same transaction as the version. */
    public static final String CREATED = "201 created";

    /** The entry acknowledging that {@code version} was stored, by {@code subject} ({@code clientId} may be null). */
    public static AuditEntry created(NewVersion version, String subject, String clientId) {
        return new AuditEntry(
                version.publishedAt(),
                PUBLISH,
                subject,
                clientId,
                version.name(),
                version.version(),
                version.digest(),
                CREATED);
    }
}
