package dev.tokencontract.validator.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tokencontract.finding.Redact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys from a Nimbus {@link JWKSource} the application already has (Spring Security's, for one), so both
 * share one cache and one refresh policy. The source decides caching and refetching; each JWK it hands out
 * is converted and bound to its algorithms once, then remembered by identity (caching sources return the
 * same JWK objects until they refresh).
 */
public final class JwkSourceKeyProvider implements KeyProvider {
    /** A source that refreshes replaces its JWK objects: past this many, forget the old conversions. */
    private static final int MAX_CONVERTED = 256;

    private final JWKSource<SecurityContext> source;
    private final String description;
    private final Map<IdentityKey, VerificationKey> converted = new ConcurrentHashMap<>();

    public JwkSourceKeyProvider(JWKSource<SecurityContext> source, String description) {
        this.source = Objects.requireNonNull(source, "source");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public KeyLookup lookup(String kid) {
        JWKMatcher.Builder matcher = new JWKMatcher.Builder();
        if (kid != null) {
            matcher.keyID(kid);
        }
        List<JWK> jwks;
        try {
            jwks = source.get(new JWKSelector(matcher.build()), null);
        } catch (com.nimbusds.jose.KeySourceException | RuntimeException e) {
            return KeyLookup.unavailable(
                    description + " unavailable: " + Redact.shorten(String.valueOf(e.getMessage()), 200));
        }
        List<VerificationKey> keys = new ArrayList<>(jwks == null ? 0 : jwks.size());
        if (jwks != null) {
            for (JWK jwk : jwks) {
                keys.add(convert(jwk));
            }
        }
        return KeyLookup.of(keys);
    }

    private VerificationKey convert(JWK jwk) {
        IdentityKey key = new IdentityKey(jwk);
        VerificationKey known = converted.get(key);
        if (known != null) {
            return known;
        }
        VerificationKey fresh = KeyUse.ENCRYPTION.equals(jwk.getKeyUse())
                ? JwkKeys.unusable(
                        jwk.getKeyID(), jwk.getKeyType().getValue(), "its \"use\" is \"enc\", not for signatures")
                : JwkKeys.fromJwk(jwk);
        if (converted.size() >= MAX_CONVERTED) {
            converted.clear();
        }
        converted.put(key, fresh);
        return fresh;
    }

    @Override
    public String description() {
        return description;
    }

    /** Compares JWKs by identity: cheap, and a refreshed key set is new objects anyway. */
    private record IdentityKey(JWK jwk) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey that && that.jwk == jwk;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(jwk);
        }
    }
}
