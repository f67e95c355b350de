package dev.tokencontract.registry.store;

import dev.tokencontract.compat.CompatibilityMode;
import java.util.List;
import java.util.Optional;

/**
 * Decides, while the contract name is locked, whether a new version may be stored. Returns a refusal
 * (any object the caller understands, e.g. the classified changes) or empty to allow.
 */
@FunctionalInterface
public interface PublishGuard {
    Optional<Object> check(List<StoredVersion> existing, CompatibilityMode mode);

    PublishGuard ALLOW = (existing, mode) -> Optional.empty();
}
