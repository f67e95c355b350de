package dev.tokencontract.registry.store;

import dev.tokencontract.compat.CompatibilityMode;
import java.util.List;
import java.util.Optional;

/**
 * Where published contract versions live. Versions are immutable and never deleted; the only mutable
 * things are a contract's compatibility mode and a version's state. Implementations must be safe for
 * several registry processes sharing one database with no leader: {@link #publish} is atomic per
 * contract name, and the {@link PublishGuard} runs while that name is locked, so a compatibility check
 * and the insert it allows cannot interleave with another publish of the same contract.
 *
 * <p>Open one with {@link ContractStores}. A database that cannot answer is a {@link StoreException}
 * ("could not check", never a refusal); a value the store cannot keep faithfully (too long, NUL, unpaired
 * surrogate) is an {@link IllegalArgumentException} with nothing written.
 */
public interface ContractStore extends AutoCloseable {

    /**
     * Publishes one version. Same name, version and digest as a stored version: {@link
     * PublishAttempt.Outcome#SAME_CONTENT}, nothing written and the guard not consulted. Same name and
     * version, another digest: {@link PublishAttempt.Outcome#CONFLICT}. Otherwise the guard sees every
     * stored version of the name (oldest first) and the name's mode; a refusal from it is returned as
     * {@link PublishAttempt.Outcome#REFUSED} with nothing written; else the version is stored: {@link
     * PublishAttempt.Outcome#CREATED}. No audit entry is written (see the three-argument form).
     */
    default <R> PublishAttempt<R> publish(NewVersion version, PublishGuard<R> guard) {
        return publish(version, guard, null);
    }

    /**
     * Publishes as above and, when the version is {@link PublishAttempt.Outcome#CREATED}, appends {@code
     * created} (see {@link AuditEntry#created}) in the same transaction: once this returns, the version and its
     * audit entry are both durable, or neither is there. The audit then binds the number to the digest for
     * good: should the version row ever be lost, the number can be taken again only by the same digest (other
     * content is {@link PublishAttempt.Outcome#RESERVED}), and a store whose versions disagree with the audit
     * refuses to open. {@code created} may be null (no audit entry, no binding: seeding, tests); otherwise it
     * must be a {@code publish}/{@code 201 created} entry for this name, version and digest.
     */
    <R> PublishAttempt<R> publish(NewVersion version, PublishGuard<R> guard, AuditEntry created);

    /** Every contract name, sorted. */
    List<String> names();

    /** Every version of one contract, in semantic-version order (oldest first); empty when unknown. */
    List<StoredVersion> versions(String name);

    /** One exact version. */
    Optional<StoredVersion> version(String name, String version);

    /** The contract's compatibility mode; the default when never configured. Empty when unknown. */
    Optional<CompatibilityMode> mode(String name);

    /** Sets the compatibility mode of an existing contract; false when the contract is unknown. */
    boolean setMode(String name, CompatibilityMode mode);

    /** Sets the state of an existing version; false when the version is unknown. */
    boolean setState(String name, String version, VersionState state);

    /** Appends one audit entry; entries are never changed or removed. */
    void appendAudit(AuditEntry entry);

    /** The newest {@code limit} audit entries, newest first. */
    List<AuditEntry> audit(int limit);

    /**
     * Versions ({@code name@version}) the audit records as published (201) that the store did not hold when
     * it was opened; their numbers stay reserved for their audited digest. Normally empty.
     */
    default List<String> acknowledgedButMissing() {
        return List.of();
    }

    /** True when the store answers a trivial query within its timeout (readiness). */
    boolean reachable();

    @Override
    void close();
}
