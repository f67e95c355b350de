package dev.tokencontract.conformance.generate;

/**
 * Something in a schema the generator cannot honour by construction. Instances are still filtered by the
 * validator, so they are never wrong; but the generator may then find none. {@code pointer} is a JSON
 * pointer into the schema document.
 */
public record GenerationIssue(Kind kind, String pointer, String message) {

    public enum Kind {
        /** A keyword or construct the generator does not support. */
        UNSUPPORTED,
        /** A {@code $ref} that does not resolve inside the document (remote references are never fetched). */
        UNRESOLVED_REFERENCE,
        /** A {@code pattern} that is not valid ECMA-262 syntax. */
        INVALID_PATTERN
    }

    @Override
    public String toString() {
        return kind + " at " + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
}
