package dev.tokencontract.cli;

/**
 * A signing key that {@code mint} refuses: unreadable, garbage, encrypted, public-only, or one that does not fit
 * the algorithm. The message names the problem and never contains key material.
 */
final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyFileException(String message) {
        super(message);
    }
}
