package dev.tokencontract.registry.client;

/**
 * A publish the registry accepted.
 *
 * @param outcome   created (201) or already there with the same content (200)
 * @param reference {@code name@version} of the published document
 * @param status    the HTTP status
 * @param location  the {@code Location} header of a 201; may be {@code null}
 * @param digest    {@code sha-256:<hex>} from the registry's ETag; may be {@code null} when it sent none
 */
public record PublishResult(Outcome outcome, String reference, int status, String location, String digest) {

    /** What the registry did. */
    public enum Outcome {
        CREATED,
        UNCHANGED
    }
}
