package dev.tokencontract.conformance.suites;

/**
 * The party under test could not be reached or run (connection refused, command missing, timeout): the
 * suite says "could not run" (CLI exit 3) instead of blaming the party for a property it never got to.
 */
public final class CouldNotRun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CouldNotRun(String message, Throwable cause) {
        super(message, cause);
    }

    public CouldNotRun(String message) {
        super(message);
    }
}
