package dev.tokencontract.cli;

/**
 * The token's input (stdin) could not be read: an I/O error, or stdin is a directory. Nothing was judged, so
 * the command ends as <em>could not check</em> (exit 3) with one line on stderr, like lint's unreadable file,
 * and never as an internal error.
 */
final class InputUnreadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputUnreadableException(String message) {
        super(message);
    }
}
