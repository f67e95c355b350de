package dev.tokencontract.spring.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A {@code WWW-Authenticate: Bearer ...} value; parameter values restricted to RFC 6750's quoted-string characters. */
public final class Challenge {
    private final List<String> params = new ArrayList<>();

    private Challenge() {}

    public static Challenge bearer() {
        return new Challenge();
    }

    public Challenge param(String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(name + "=\"" + safe(value) + "\"");
        }
        return this;
    }

    public Challenge scopes(Collection<String> scopes) {
        return scopes.isEmpty() ? this : param("scope", String.join(" ", scopes));
    }

    /** RFC 6750 section 3: %x20-21 / %x23-5B / %x5D-7E; anything else becomes '?', and it stays short. */
    public static String safe(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 300));
        for (int i = 0; i < value.length() && i < 300; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return params.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", params);
    }
}
