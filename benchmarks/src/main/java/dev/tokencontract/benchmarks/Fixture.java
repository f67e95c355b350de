package dev.tokencontract.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.ValidationStages;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One signed token and the three verifiers under comparison, all over the same key: (a) a pre-built
 * Nimbus {@link JWSVerifier}, (b) a Nimbus {@link DefaultJWTProcessor} over an {@link ImmutableJWKSet}
 * as most servers configure it, (c) our {@link TokenValidator} against {@code mcp-access-token@1.0.0}
 * (or its HS256 variant). Built in a JMH {@code @Setup}; {@link #create} refuses to return a fixture
 * in which any of the three rejects the token, so no benchmark can time a fast rejection.
 *
 * <p>Keys and tokens are made here rather than taken from validator-lib's test fixtures (only its
 * {@link ValidationStages} seam is used, for the per-stage benchmarks). The token is minted at set-up time, valid for one hour, and judged with the system clock
 * by (b) and (c) alike, as a server would.
 */
final class Fixture {
    static final String ISSUER = "https://login.example.test";
    static final String AUDIENCE = "https://mcp.example.test/mcp";
    static final String CONTRACT = "mcp-access-token@1.0.0";
    private static final String RSA_KID = "bench-rsa-1";
    private static final String HMAC_KID = "bench-hmac-1";
    /** 46 bytes: above the 256 bits HS256 needs (RFC 7518 section 3.2). */
    private static final byte[] HMAC_SECRET =
            "bench-secret-0123456789abcdef-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final Set<String> REQUIRED_CLAIMS =
            Set.of("sub", "exp", "iat", "jti", "client_id", "tenant_id", "roles");

    final String algorithm;
    final String token;
    final JWSVerifier rawVerifier;
    final ConfigurableJWTProcessor<SecurityContext> processor;
    final TokenValidator validator;
    final Contract contract;
    /** Each validation stage alone over this token and key, for the per-stage benchmarks. */
    private final java.util.function.Function<Instant, ValidationStages> stages;

    final String kid;

    private Fixture(
            String algorithm,
            String token,
            JWSVerifier rawVerifier,
            ConfigurableJWTProcessor<SecurityContext> processor,
            TokenValidator validator,
            Contract contract,
            java.util.function.Function<Instant, ValidationStages> stages,
            String kid) {
        this.algorithm = algorithm;
        this.token = token;
        this.rawVerifier = rawVerifier;
        this.processor = processor;
        this.validator = validator;
        this.contract = contract;
        this.stages = stages;
        this.kid = kid;
    }

    /** {@code RS256} or {@code HS256}. Throws if any of the three verifiers does not accept the token. */
    static Fixture create(String algorithm) throws Exception {
        Fixture fixture = switch (algorithm) {
            case "RS256" -> rs256();
            case "HS256" -> hs256();
            default -> throw new IllegalArgumentException("unsupported algorithm " + algorithm);
        };
        fixture.assertAllAccept();
        return fixture;
    }

    private static Fixture rs256() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048)
                .keyID(RSA_KID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        String token = sign(JWSAlgorithm.RS256, RSA_KID, new RSASSASigner(key));
        JWKSet publicSet = new JWKSet(key.toPublicJWK());
        Contract contract = Contracts.load(CONTRACT);
        return new Fixture(
                "RS256",
                token,
                new RSASSAVerifier(key.toRSAPublicKey()),
                processor(JWSAlgorithm.RS256, publicSet),
                validator(contract, KeySource.jwks(publicSet.toString())),
                contract,
                now -> ValidationStages.forPublicKey(
                        token, contract, "RS256", RSA_KID, publicKey(key), ISSUER, AUDIENCE, now),
                RSA_KID);
    }

    private static Fixture hs256() throws Exception {
        String token = sign(JWSAlgorithm.HS256, HMAC_KID, new MACSigner(HMAC_SECRET));
        JWK secretKey = new OctetSequenceKey.Builder(HMAC_SECRET)
                .keyID(HMAC_KID)
                .keyUse(KeyUse.SIGNATURE)
                .build();
        Contract contract = hs256Contract();
        return new Fixture(
                "HS256",
                token,
                new MACVerifier(HMAC_SECRET),
                processor(JWSAlgorithm.HS256, new JWKSet(secretKey)),
                validator(contract, KeySource.secret(HMAC_SECRET)),
                contract,
                now -> ValidationStages.forSecret(
                        token, contract, "HS256", HMAC_KID, HMAC_SECRET, ISSUER, AUDIENCE, now),
                HMAC_KID);
    }

    /** The bundled mcp-access-token contract with {@code x-jose.alg} set to {@code ["HS256"]}, nothing else changed. */
    static Contract hs256Contract() throws Exception {
        ObjectNode document = (ObjectNode) Contracts.load(CONTRACT).document();
        ((ObjectNode) document.get("x-jose")).putArray("alg").add("HS256");
        return Contracts.parse(document.toString());
    }

    /** Each stage of (c) alone over this fixture's token and key, judged at {@code now}. */
    ValidationStages stages(Instant now) {
        return stages.apply(now);
    }

    private static java.security.PublicKey publicKey(RSAKey key) {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mcp-access-token sample claims, issued now and valid for one hour. */
    private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer) throws JOSEException {
        Instant issued = Instant.now().minusSeconds(60);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("alice@example.test")
                .audience(AUDIENCE)
                .expirationTime(Date.from(issued.plusSeconds(3600)))
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .jwtID("6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11")
                .claim("client_id", "crm-agent")
                .claim("tenant_id", "acme")
                .claim("roles", List.of("support"))
                .claim("scope", "crm.read crm.write")
                .build();
        JWSHeader header = new JWSHeader.Builder(alg)
                .type(new JOSEObjectType("at+jwt"))
                .keyID(kid)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** What most servers run: JWK set, key selector by algorithm, at+jwt typ, issuer/audience/required claims. */
    private static ConfigurableJWTProcessor<SecurityContext> processor(JWSAlgorithm alg, JWKSet keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(alg, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                AUDIENCE, new JWTClaimsSet.Builder().issuer(ISSUER).build(), REQUIRED_CLAIMS));
        return processor;
    }

    private static TokenValidator validator(Contract contract, KeySource keys) {
        return TokenValidator.builder()
                .contract(contract)
                .keys(keys)
                .expectIssuer(ISSUER)
                .expectAudience(AUDIENCE)
                .clock(Clock.systemUTC())
                .build();
    }

    private void assertAllAccept() throws Exception {
        if (!SignedJWT.parse(token).verify(rawVerifier)) {
            throw new IllegalStateException(algorithm + ": raw Nimbus verify rejected the benchmark token");
        }
        JWTClaimsSet claims = processor.process(token, null); // throws when it rejects
        if (!"acme".equals(claims.getStringClaim("tenant_id"))) {
            throw new IllegalStateException(algorithm + ": DefaultJWTProcessor returned unexpected claims " + claims);
        }
        ValidationReport report = validator.validate(token);
        if (!report.accepted()) {
            throw new IllegalStateException(algorithm + ": TokenValidator did not accept the benchmark token: "
                    + report.verdict() + " " + report.findings());
        }
        if (!contract.check(report.decoded().orElseThrow().claims().orElseThrow(), "/claims")
                .isEmpty()) {
            throw new IllegalStateException(algorithm + ": the contract check alone found violations");
        }
    }
}
