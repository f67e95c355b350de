package dev.tokencontract.registry.store;

/**
 * The database did not answer at all: no connection could be made within the store's connection timeout,
 * or an open connection broke. Unlike a lock timeout or contention, this says the database is down or
 * cut off; callers may stop asking for a while (the registry answers 503 at once and logs the outage once).
 */
public class StoreUnreachableException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
