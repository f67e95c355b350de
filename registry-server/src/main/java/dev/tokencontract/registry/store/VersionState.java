package dev.tokencontract.registry.store;

/** A version's life: served in both states; {@code DEPRECATED} is skipped by ranges and {@code latest}. */
public enum VersionState {
    ACTIVE,
    DEPRECATED
}
