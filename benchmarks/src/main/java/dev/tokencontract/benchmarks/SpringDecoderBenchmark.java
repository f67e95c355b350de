package dev.tokencontract.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.spring.ContractClaimsValidator;
import dev.tokencontract.spring.TokencontractJwtDecoder;
import dev.tokencontract.validator.ContractRules;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Issue 14's target: full contract validation through {@link TokencontractJwtDecoder} against Spring Security's
 * own {@link NimbusJwtDecoder} with its default validators, on the same RS256 token and the same JWK set.
 * <ol type="a">
 *   <li>{@link #springDefaultDecoder}: {@code NimbusJwtDecoder.withJwkSource(...)} with
 *       {@code JwtValidators.createDefaultWithValidators(issuer, audience, typ at+jwt)}: Spring's defaults
 *       (timestamps, X.509 thumbprint), plus the issuer and audience checks Boot adds from its properties, with
 *       the {@code typ} validator told about {@code at+jwt} (its default {@code JWT} would refuse this token);</li>
 *   <li>{@link #springDecoderWithContractClaimsValidator}: (a) with {@link ContractClaimsValidator} added;</li>
 *   <li>{@link #tokencontractDecoder}: {@link TokencontractJwtDecoder}, one pass against
 *       {@code mcp-access-token@1.0.0}, keys from a {@code KeySource.jwks};</li>
 *   <li>{@link #tokencontractDecoderOnSpringsJwkSource}: (c) with the keys from the same Nimbus {@code JWKSource}
 *       object Spring's decoder uses ({@code KeySource.fromJwkSource}).</li>
 * </ol>
 * Every decoder must return the {@code Jwt}: set-up refuses to run if any of them rejects the token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpringDecoderBenchmark {
    private static final String ISSUER = "https://login.example.test";
    private static final String AUDIENCE = "https://mcp.example.test/mcp";

    String token;
    JwtDecoder springDefault;
    JwtDecoder springWithContract;
    JwtDecoder tokencontract;
    JwtDecoder tokencontractSharedSource;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048)
                .keyID("bench-rsa-1")
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        token = sign(key);
        JWKSource<SecurityContext> jwkSource = new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
        OAuth2TokenValidator<Jwt> defaults =
                JwtValidators.createDefaultWithValidators(List.<OAuth2TokenValidator<Jwt>>of(
                        new JwtIssuerValidator(ISSUER),
                        new JwtClaimValidator<List<String>>(
                                JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE)),
                        new JwtTypeValidator("at+jwt", "application/at+jwt")));

        NimbusJwtDecoder plain = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        plain.setJwtValidator(defaults);
        springDefault = plain;

        NimbusJwtDecoder withContract =
                NimbusJwtDecoder.withJwkSource(jwkSource).build();
        ContractRules rules = ContractRules.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .expectIssuer(ISSUER)
                .expectAudience(AUDIENCE)
                .build();
        withContract.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(defaults, new ContractClaimsValidator(rules)));
        springWithContract = withContract;

        tokencontract =
                new TokencontractJwtDecoder(validator(KeySource.jwks(new JWKSet(key.toPublicJWK()).toString())));
        tokencontractSharedSource = new TokencontractJwtDecoder(validator(KeySource.fromJwkSource(jwkSource)));

        for (JwtDecoder decoder :
                List.of(springDefault, springWithContract, tokencontract, tokencontractSharedSource)) {
            Jwt jwt = decoder.decode(token); // throws when it rejects: no benchmark may time a fast rejection
            if (!"acme".equals(jwt.getClaimAsString("tenant_id"))) {
                throw new IllegalStateException("unexpected claims from " + decoder + ": " + jwt.getClaims());
            }
        }
    }

    private static TokenValidator validator(KeySource keys) throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .keys(keys)
                .expectIssuer(ISSUER)
                .expectAudience(AUDIENCE)
                .build();
    }

    private static String sign(RSAKey key) throws Exception {
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
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Benchmark
    public Jwt springDefaultDecoder() {
        return springDefault.decode(token);
    }

    @Benchmark
    public Jwt springDecoderWithContractClaimsValidator() {
        return springWithContract.decode(token);
    }

    @Benchmark
    public Jwt tokencontractDecoder() {
        return tokencontract.decode(token);
    }

    @Benchmark
    public Jwt tokencontractDecoderOnSpringsJwkSource() {
        return tokencontractSharedSource.decode(token);
    }
}
