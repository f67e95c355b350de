package dev.tokencontract.conformance.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 9110 section 11.6.1): a scheme
 * and either a token68 or auth-params, in the order sent (names kept as sent; compare them ignoring case).
 *
 * @param scheme  the auth-scheme as sent, e.g. {@code Bearer}
 * @param token68 the token68 form, or {@code null} when the challenge has auth-params (or nothing)
 * @param params  the auth-params in order; a quoted-string value is unquoted and unescaped
 */
public record Challenge(String scheme, String token68, List<Param> params) {

    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        params = List.copyOf(params);
    }

    /** One {@code name=value} auth-param. */
    public record Param(String name, String value, boolean quoted) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** True when the scheme is {@code scheme}, ignoring case as RFC 9110 says. */
    public boolean is(String scheme) {
        return this.scheme.equalsIgnoreCase(scheme);
    }

    /** The first value of the auth-param {@code name} (ignoring case). */
    public Optional<String> param(String name) {
        return params.stream()
                .filter(p -> p.name().equalsIgnoreCase(name))
                .map(Param::value)
                .findFirst();
    }

    /** How many times {@code name} occurs (ignoring case). */
    public long count(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return params.stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(lower))
                .count();
    }
}
