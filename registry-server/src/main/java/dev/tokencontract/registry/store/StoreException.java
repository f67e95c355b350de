package dev.tokencontract.registry.store;

/**
 * The store could not answer: the database is unreachable, a lock was not granted in time, a migration
 * failed. The caller's input was not judged, so this is "could not check" (503), never "refused". Messages
 * never contain credentials.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
