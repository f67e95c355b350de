package dev.tokencontract.testing;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real tokens in the shared fixtures and what is known about them. */
public final class RealFixtures {
    public static final String GITHUB_TOKEN = "tokens/sigstore-oidc-beacon__github-actions-oidc-token.jwt";
    public static final String GITHUB_JWKS = "jwks/crates-io__github-actions-jwks.json";
    public static final String GITHUB_KID = "38826b17-6a30-5f9b-b169-8beb8202f723";
    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealFixtures() {}

    public static String githubToken() {
        return FixtureFiles.text(GITHUB_TOKEN);
    }

    /** rfc9068-access-token@1.0.0, GitHub's issuer, sigstore's audience, as a resource server for sigstore would. */
    public static TokenValidator githubValidator(KeySource keys) {
        try {
            return TokenValidator.builder()
                    .contract(Contracts.load("rfc9068-access-token@1.0.0"))
                    .keys(keys)
                    .expectIssuer(GITHUB_ISSUER)
                    .expectAudience("sigstore")
                    .keyAlgorithm("RS256") // GitHub's JWKS names no "alg"
                    .build();
        } catch (ContractException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded claims of a compact JWS, unverified: to read a fixture's own times. */
    public static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    public static JsonNode header(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }

    /** Halfway between the token's {@code iat} and {@code exp}. */
    public static Instant insideLifetime(String token) {
        JsonNode claims = claims(token);
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        if (exp <= iat) {
            throw new IllegalStateException("token has no lifetime: iat " + iat + ", exp " + exp);
        }
        return Instant.ofEpochSecond(iat + (exp - iat) / 2);
    }

    /** The first x5c certificate (base64 DER) of the key with this kid in a fixture JWKS. */
    public static String x5c(String jwksFixture, String kid) {
        for (JsonNode key :
                JSON.readTree(FixtureFiles.text(jwksFixture)).path("keys").values()) {
            if (kid.equals(key.path("kid").asString(""))) {
                return key.path("x5c").path(0).asString();
            }
        }
        throw new IllegalStateException("no key " + kid + " in " + jwksFixture);
    }
}
