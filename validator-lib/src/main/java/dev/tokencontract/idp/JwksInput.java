package dev.tokencontract.idp;

import java.util.Objects;

/**
 * Where a document check ({@link IdpChecks#checkMetadata}) takes the JWK set from.
 *
 * @param source where the keys come from
 * @param json   the JWK set document for {@link Source#DOCUMENT}, otherwise {@code null}
 */
public record JwksInput(Source source, String json) {
    /** The kinds of key source of a document check. */
    public enum Source {
        FETCH_JWKS_URI,
        SKIP,
        DOCUMENT
    }

    public JwksInput {
        Objects.requireNonNull(source, "source");
        if ((source == Source.DOCUMENT) != (json != null)) {
            throw new IllegalArgumentException("a JWK set document is given exactly for Source.DOCUMENT");
        }
    }

    /** Fetch the metadata's {@code jwks_uri}. */
    public static JwksInput fetchJwksUri() {
        return new JwksInput(Source.FETCH_JWKS_URI, null);
    }

    /** Do not check keys (a note says so). */
    public static JwksInput skip() {
        return new JwksInput(Source.SKIP, null);
    }

    /** This JWK set document, e.g. read from a file. */
    public static JwksInput document(String json) {
        return new JwksInput(Source.DOCUMENT, Objects.requireNonNull(json, "json"));
    }
}
