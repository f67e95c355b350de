package dev.tokencontract.registry.store;

import java.util.Optional;

/**
 * What {@link ContractStore#publish} did.
 *
 * @param outcome        one of five
 * @param stored         the stored version (the existing one for SAME_CONTENT and CONFLICT); empty for REFUSED and RESERVED
 * @param refusal        the guard's refusal for REFUSED; empty otherwise
 * @param reservedDigest for RESERVED, the digest the audit acknowledged this version number with; empty otherwise
 * @param <R>            the type of the {@link PublishGuard}'s refusal
 */
public record PublishAttempt<R>(
        Outcome outcome, Optional<StoredVersion> stored, Optional<R> refusal, Optional<String> reservedDigest) {
    public enum Outcome {
        CREATED,
        SAME_CONTENT,
        CONFLICT,
        REFUSED,
        /**
         * The version is not stored, but the audit records it as published (201) with another digest: the
         * number was acknowledged once and is never bound to other bytes. Nothing written.
         */
        RESERVED
    }

    public PublishAttempt(Outcome outcome, Optional<StoredVersion> stored, Optional<R> refusal) {
        this(outcome, stored, refusal, Optional.empty());
    }

    public static <R> PublishAttempt<R> reserved(String digest) {
        return new PublishAttempt<>(Outcome.RESERVED, Optional.empty(), Optional.empty(), Optional.of(digest));
    }
}
