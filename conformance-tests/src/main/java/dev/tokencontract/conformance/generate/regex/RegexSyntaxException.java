package dev.tokencontract.conformance.generate.regex;

/** A pattern that is not valid ECMA-262 syntax, with the offset where parsing failed. */
public final class RegexSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegexSyntaxException(String pattern, int offset, String problem) {
        super(problem + " at offset " + offset + " of /"
                + (pattern.length() > 200 ? pattern.substring(0, 200) + "..." : pattern) + "/");
    }
}
