package dev.tokencontract.validator;

/** A key source could not be set up: a missing or unreadable file, a malformed JWKS or PEM, a weak secret. */
public final class KeySourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeySourceException(String message) {
        super(message);
    }
}
