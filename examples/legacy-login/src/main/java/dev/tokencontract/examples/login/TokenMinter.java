package dev.tokencontract.examples.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Signs access tokens per the bundled {@code mcp-access-token} contract, unless a drift says otherwise. */
public final class TokenMinter {
    /** Normal access tokens live 15 minutes (the contract allows at most 2 hours). */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    public static final Duration LONG_LIFETIME = Duration.ofDays(30);

    /** What a token says: who, where, what they may do, for which resource, and who acts for them. */
    public record Grant(
            String subject,
            String tenant,
            List<String> roles,
            List<String> scopes,
            String audience,
            String clientId,
            List<String> actors) {}

    private final RSAKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenMinter(Clock clock) {
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID("legacy-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the signing key", e);
        }
    }

    /** The public JWK set. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    public Duration lifetime(Set<Drift> drifts) {
        return drifts.contains(Drift.LONG_LIVED) ? LONG_LIFETIME : LIFETIME;
    }

    public String mint(Grant grant, String issuer, Set<Drift> drifts) {
        if (drifts.contains(Drift.OPAQUE)) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime(drifts))))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", grant.clientId())
                .claim(drifts.contains(Drift.TENANT_RENAMED) ? "tenant" : "tenant_id", grant.tenant())
                .claim("roles", drifts.contains(Drift.ROLES_STRING) ? String.join(" ", grant.roles()) : grant.roles());
        if (!grant.scopes().isEmpty()) {
            claims.claim("scope", String.join(" ", grant.scopes()));
        }
        if (!drifts.contains(Drift.AUD_MISSING) && grant.audience() != null) {
            claims.audience(grant.audience());
        }
        if (!grant.actors().isEmpty()) {
            claims.claim("act", actClaim(grant.actors(), 0));
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(new JOSEObjectType("at+jwt"))
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /**
     * A token this login issued, still valid, for {@code audience}: the subject of a token exchange. Empty for
     * anything else (foreign, forged, expired, opaque, for another audience).
     */
    public Optional<Grant> verifiedSubject(String token, String issuer, String audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.RS256)
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null
                    || !exp.toInstant().isAfter(clock.instant())
                    || !issuer.equals(claims.getIssuer())
                    || !claims.getAudience().contains(audience)) {
                return Optional.empty();
            }
            String tenant = claims.getStringClaim("tenant_id") != null
                    ? claims.getStringClaim("tenant_id")
                    : claims.getStringClaim("tenant");
            Object roles = claims.getClaim("roles");
            List<String> roleList = roles instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : roles instanceof String s ? List.of(s.split(" ")) : List.of();
            String scope = claims.getStringClaim("scope");
            return Optional.of(new Grant(
                    claims.getSubject(),
                    tenant,
                    roleList,
                    scope == null ? List.of() : List.of(scope.split(" ")),
                    null,
                    claims.getStringClaim("client_id"),
                    actorsOf(claims.getJSONObjectClaim("act"))));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> actClaim(List<String> actors, int index) {
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("sub", actors.get(index));
        if (index + 1 < actors.size()) {
            act.put("act", actClaim(actors, index + 1));
        }
        return act;
    }

    private static List<String> actorsOf(Map<String, Object> act) {
        List<String> chain = new ArrayList<>();
        Object current = act;
        while (current instanceof Map<?, ?> map && map.get("sub") instanceof String sub && chain.size() < 8) {
            chain.add(sub);
            current = map.get("act");
        }
        return chain;
    }
}
