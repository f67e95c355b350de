package dev.tokencontract.validator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A token that passed every stage against a contract, with its verified claims. Only
 * {@link TokenValidator} can create one, so holding a {@code ValidatedToken} means the signature, times,
 * issuer, audience and contract were all checked.
 */
public final class ValidatedToken {
    private final JsonNode claims;
    private final String contractReference;
    private final String keyId;

    ValidatedToken(JsonNode claims, String contractReference, String keyId) {
        this.claims = claims;
        this.contractReference = contractReference;
        this.keyId = keyId;
    }

    /** A copy of the verified claims. */
    public JsonNode claims() {
        return claims.deepCopy();
    }

    /** One verified claim, if present. */
    public Optional<JsonNode> claim(String name) {
        return Optional.ofNullable(claims.get(name)).map(JsonNode::deepCopy);
    }

    /** A verified string claim, if present and a string. */
    public Optional<String> stringClaim(String name) {
        JsonNode node = claims.get(name);
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    public String subject() {
        return stringClaim("sub").orElse(null);
    }

    public String issuer() {
        return stringClaim("iss").orElse(null);
    }

    public List<String> audiences() {
        JsonNode aud = claims.path("aud");
        List<String> result = new ArrayList<>();
        if (aud.isString()) {
            result.add(aud.stringValue());
        } else {
            aud.values().forEach(a -> result.add(a.asString("")));
        }
        return result;
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.path("exp").asLong());
    }

    /** {@code name@version} of the contract the token was validated against. */
    public String contractReference() {
        return contractReference;
    }

    /** The {@code kid} of the key that verified the signature, or {@code null} for a key without one. */
    public String keyId() {
        return keyId;
    }
}
