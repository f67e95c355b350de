package com.acme.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.ValidationReport;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate runs on the contract the build fetched from the lockfile's pin, and judges real signed tokens. */
class CrmTokenGateTest {
    private static final String ISSUER = "https://login.acme.example";
    private static final String AUDIENCE = "https://crm-mcp.acme.example";

    private final RSAKey key = generate();
    private final CrmTokenGate gate = new CrmTokenGate(keys(), ISSUER, AUDIENCE);

    @Test
    void pinnedContractWhenBuiltThenItIsTheLockedVersion() {
        assertEquals("acme.crm-token@1.0.0", CrmTokenGate.pinnedContract().reference());
    }

    @Test
    void checkWhenTokenCarriesTenantAndRolesThenAccepted() throws Exception {
        ValidationReport report = gate.check(token(claims().claim("tenant_id", "acme").claim("roles", List.of("reader"))));

        assertTrue(report.accepted(), () -> report.errors().toString());
    }

    @Test
    void checkWhenTenantMissingThenRejectedWithTheContractsFinding() throws Exception {
        ValidationReport report = gate.check(token(claims().claim("roles", List.of("reader"))));

        assertFalse(report.accepted());
        assertTrue(report.has(FindingCode.CLAIM_MISSING), () -> report.errors().toString());
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("alice")
                .audience(AUDIENCE)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private String token(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .keyID(key.getKeyID())
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private KeySource keys() {
        try {
            return KeySource.jwks(new JWKSet(key.toPublicJWK()).toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("crm-test").algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
