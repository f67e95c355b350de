package dev.tokencontract.conformance.suites;

/** A property of a suite did not hold for one example; the message names the drift. */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    public PropertyFailure(String message) {
        super(message);
    }
}
