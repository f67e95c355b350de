package dev.tokencontract.cli;

/** The command line is wrong; the message is one line for people. Exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
