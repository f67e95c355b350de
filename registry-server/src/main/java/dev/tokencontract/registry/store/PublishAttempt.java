package dev.tokencontract.registry.store;

import java.util.Optional;

/**
 * What {@link ContractStore#publish} did.
 *
 * @param outcome  one of four
 * @param stored   the stored version (the existing one for SAME_CONTENT and CONFLICT); empty for REFUSED
 * @param refusal  the guard's refusal for REFUSED; empty otherwise
 * @param <R>      the type of the {@link PublishGuard}'s refusal
 */
public record PublishAttempt<R>(Outcome outcome, Optional<StoredVersion> stored, Optional<R> refusal) {
    public enum Outcome {
        CREATED,
        SAME_CONTENT,
        CONFLICT,
        REFUSED
    }
}
