package dev.tokencontract.registry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code serve --dev}: a throwaway ES256 key made at start (the private key lives only in memory), its public
 * JWKS, and short-lived publisher tokens signed with it, so a local registry takes writes without an
 * identity provider. Never for production: anyone who can read the token file can publish.
 */
public final class DevIssuer {
    public static final String ISSUER = "urn:tokencontract:dev-issuer";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    public static final String SCOPES = "contracts:read contracts:write contracts:admin";

    private final ECKey key;
    private final Clock clock;

    private DevIssuer(ECKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    public static DevIssuer generate(Clock clock) {
        try {
            return new DevIssuer(
                    new ECKeyGenerator(Curve.P_256)
                            .keyID("dev-" + UUID.randomUUID().toString().substring(0, 8))
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.ES256)
                            .generate(),
                    clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** The public JWK set (no private parts). */
    public String publicJwks() {
        return new JWKSet(List.of(key.toPublicJWK())).toString(true);
    }

    /** Publisher settings that trust this key and issuer; the audience is the registry's URL. */
    public PublisherAuth publishers() {
        try {
            return new PublisherAuth(KeySource.jwks(publicJwks()), ISSUER, Optional.empty());
        } catch (KeySourceException e) {
            throw new IllegalStateException("the generated JWKS does not load", e);
        }
    }

    /**
     * A token for {@code audience} with every scope and namespace {@code *}, valid for {@link #TOKEN_LIFETIME}.
     */
    public String publisherToken(String audience) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("dev-publisher")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "tokencontract-dev")
                .claim("scope", SCOPES)
                .claim("namespaces", List.of("*"))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the dev token", e);
        }
        return jwt.serialize();
    }
}
