package dev.tokencontract.conformance.engine;

/**
 * Thrown by a generator (or by {@link Choices#reject}) when the current draw cannot produce a value:
 * the try is discarded, not failed. Carries the reason so that a property which discards everything
 * can say why (for a schema: which keyword could not be satisfied).
 */
public final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Rejected(String reason) {
        super(reason, null, false, false);
    }
}
