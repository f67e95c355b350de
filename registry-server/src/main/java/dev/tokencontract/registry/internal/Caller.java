package dev.tokencontract.registry.internal;

import dev.tokencontract.validator.ValidatedToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Who made a request, from a verified token (or {@link #ANONYMOUS}).
 *
 * @param subject    {@code sub}
 * @param clientId   {@code client_id}, or {@code null}
 * @param token      the verified token; {@code null} for anonymous reads
 */
public record Caller(String subject, String clientId, ValidatedToken token) {
    public static final Caller ANONYMOUS = new Caller("anonymous", null, null);
    /** The audit subject for a token that was presented but not accepted: its claims are not trusted. */
    public static final Caller INVALID_TOKEN = new Caller("invalid-token", null, null);

    static Caller of(ValidatedToken token) {
        return new Caller(token.subject(), token.stringClaim("client_id").orElse(null), token);
    }

    /** The {@code namespaces} claim's string members. */
    public List<String> namespaces() {
        List<String> namespaces = new ArrayList<>();
        if (token != null) {
            token.claim("namespaces")
                    .ifPresent(array -> array.values().forEach(v -> {
                        if (v.isString()) {
                            namespaces.add(v.stringValue());
                        }
                    }));
        }
        return namespaces;
    }
}
