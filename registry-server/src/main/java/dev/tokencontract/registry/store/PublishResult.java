package dev.tokencontract.registry.store;

import java.util.Optional;

/**
 * What {@link ContractStore#publish} did.
 *
 * @param outcome        one of five
 * @param stored         the stored version (the existing one for SAME_CONTENT and CONFLICT); empty for REFUSED and RESERVED
 * @param refusal        the guard's refusal for REFUSED; empty otherwise
 * @param reservedDigest for RESERVED, the digest the audit acknowledged this version number with; empty otherwise
 */
public record PublishResult(Outcome outcome, Optional<StoredVersion> stored, Optional<Object> refusal,
        Optional<String> reservedDigest) {
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

    public PublishResult(Outcome outcome, Optional<StoredVersion> stored, Optional<Object> refusal) {
        this(outcome, stored, refusal, Optional.empty());
    }

    public static PublishResult reserved(String digest) {
        return new PublishResult(Outcome.RESERVED, Optional.empty(), Optional.empty(), Optional.of(digest));
    }
}
