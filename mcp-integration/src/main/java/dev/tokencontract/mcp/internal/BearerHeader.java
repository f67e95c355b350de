package dev.tokencontract.mcp.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the bearer token from the Authorization header values (RFC 6750 section 2.1). The scheme is
 * case-insensitive (RFC 9110 section 11.1), so {@code bearer x} is a bearer token; anything ambiguous
 * (two headers, two tokens, characters outside token68) is a malformed request.
 */
public final class BearerHeader {
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** What the header holds. */
    public enum Kind {
        ABSENT,
        OTHER_SCHEME,
        MALFORMED,
        TOKEN
    }

    /** The outcome; {@code token} is set only for {@link Kind#TOKEN}; {@code problem} explains MALFORMED. */
    public record Parsed(Kind kind, String token, String problem) {}

    private BearerHeader() {}

    public static Parsed parse(List<String> values) {
        if (values.isEmpty()) {
            return new Parsed(Kind.ABSENT, null, null);
        }
        if (values.size() > 1) {
            return new Parsed(Kind.MALFORMED, null, "more than one Authorization header");
        }
        String value = values.get(0).strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
            return scheme.isEmpty() ? new Parsed(Kind.ABSENT, null, null) : new Parsed(Kind.OTHER_SCHEME, null, null);
        }
        String credentials = space < 0 ? "" : value.substring(space + 1).strip();
        if (credentials.isEmpty()) {
            return new Parsed(Kind.MALFORMED, null, "Bearer without a token");
        }
        if (credentials.indexOf(' ') >= 0 || credentials.indexOf(',') >= 0 || credentials.indexOf('\t') >= 0) {
            return new Parsed(Kind.MALFORMED, null, "more than one token in the Authorization header");
        }
        if (!TOKEN68.matcher(credentials).matches()) {
            return new Parsed(Kind.MALFORMED, null, "the token has characters outside RFC 6750 b64token");
        }
        return new Parsed(Kind.TOKEN, credentials, null);
    }
}
