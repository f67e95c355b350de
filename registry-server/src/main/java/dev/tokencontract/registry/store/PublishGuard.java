package dev.tokencontract.registry.store;

import dev.tokencontract.compat.CompatibilityMode;
import java.util.List;
import java.util.Optional;

/**
 * Decides, while the contract name is locked, whether a new version may be stored. Returns a refusal (of
 * the caller's own type {@code R}, e.g. the classified changes) or empty to allow; the store hands the
 * refusal back unchanged in {@link PublishAttempt#refusal()}.
 *
 * @param <R> the type of a refusal
 */
@FunctionalInterface
public interface PublishGuard<R> {
    Optional<R> check(List<StoredVersion> existing, CompatibilityMode mode);

    /** Allows every version (seeding, tests). */
    PublishGuard<Void> ALLOW = (existing, mode) -> Optional.empty();
}
