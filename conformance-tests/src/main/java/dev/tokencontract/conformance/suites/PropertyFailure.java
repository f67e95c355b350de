package dev.tokencontract.conformance.suites;

/** A property of a suite did not hold for one example; the message names the drift. */
public final class PropertyFailure extends AssertionError {
    public PropertyFailure(String message) {
        super(message);
    }
}
