package dev.tokencontract.examples.login;

import java.util.List;
import java.util.Optional;

/** The scopes this login knows, and what a user is granted of a request. */
final class Scopes {
    /** Every scope the login issues: exactly what its metadata lists in {@code scopes_supported}. */
    static final List<String> KNOWN = List.of("crm.read", "crm.write");

    private Scopes() {}

    /**
     * The requested scopes the user has, in the order asked (RFC 6749 section 3.3: the server may grant fewer and
     * says so in the token response's {@code scope}); all the user's scopes when none are requested; empty when
     * the user has none of those requested.
     */
    static Optional<List<String>> granted(String requested, List<String> userScopes) {
        if (requested == null || requested.isBlank()) {
            return Optional.of(userScopes);
        }
        List<String> granted = List.of(requested.strip().split(" +")).stream()
                .distinct()
                .filter(userScopes::contains)
                .toList();
        return granted.isEmpty() ? Optional.empty() : Optional.of(granted);
    }
}
