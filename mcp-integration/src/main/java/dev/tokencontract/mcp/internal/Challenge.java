package dev.tokencontract.mcp.internal;

import java.util.Collection;

/** Builds {@code WWW-Authenticate: Bearer ...} values (RFC 6750 section 3, RFC 9728 section 5.1). */
public final class Challenge {
    private final StringBuilder value = new StringBuilder("Bearer");
    private boolean first = true;

    private Challenge() {}

    public static Challenge bearer() {
        return new Challenge();
    }

    public Challenge param(String name, String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        value.append(first ? " " : ", ")
                .append(name)
                .append("=\"")
                .append(quote(text))
                .append('"');
        first = false;
        return this;
    }

    /** {@code scope="a b"}; nothing when there are no scopes. */
    public Challenge scopes(Collection<String> scopes) {
        return scopes.isEmpty() ? this : param("scope", String.join(" ", scopes));
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** RFC 6750 limits these values to %x20-21 / %x23-5B / %x5D-7E: anything else becomes '?'. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && i < 300; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }
}
