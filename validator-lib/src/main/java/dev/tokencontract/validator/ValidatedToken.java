package dev.tokencontract.validator;

import dev.tokencontract.validator.internal.JavaValues;
import dev.tokencontract.validator.internal.TimeCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A token that passed every stage against a contract, with its verified header and claims. Only
 * {@link TokenValidator} can create one, so holding a {@code ValidatedToken} means the signature, times,
 * issuer, audience and contract were all checked.
 *
 * <p>Two views of the same data: Jackson nodes ({@link #claims()}, {@link #claim}) and plain Java
 * ({@link #claimsMap()}, {@link #headerMap()}, {@link #issuedAt()}...), so an integration need not touch
 * Jackson. In the plain view a JSON object is an unmodifiable {@code Map<String, Object>} (member order
 * kept), an array an unmodifiable {@code List<Object>}, a string a {@code String}, true/false a
 * {@code Boolean}, an integer a {@code Long} (or {@code BigInteger} when it does not fit), a fraction a
 * {@code BigDecimal}, and JSON null is {@code null}.
 */
public final class ValidatedToken {
    /** 9999-12-31T23:59:59Z: the latest NumericDate ({@code exp}, {@code nbf}, {@code iat}) the validator accepts. */
    public static final long MAX_NUMERIC_DATE = TimeCheck.MAX_NUMERIC_DATE;

    private final JsonNode header;
    private final JsonNode claims;
    private final String contractReference;
    private final String keyId;

    ValidatedToken(JsonNode header, JsonNode claims, String contractReference, String keyId) {
        this.header = header;
        this.claims = claims;
        this.contractReference = contractReference;
        this.keyId = keyId;
    }

    /** A copy of the verified claims. */
    public JsonNode claims() {
        return claims.deepCopy();
    }

    /** The verified claims as plain, unmodifiable Java values (see the class comment). */
    public Map<String, Object> claimsMap() {
        return JavaValues.object(claims);
    }

    /** The verified JOSE header as plain, unmodifiable Java values. */
    public Map<String, Object> headerMap() {
        return JavaValues.object(header);
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

    /** {@code iat}, when the token has one. */
    public Optional<Instant> issuedAt() {
        return time("iat");
    }

    /** {@code nbf}, when the token has one. */
    public Optional<Instant> notBefore() {
        return time("nbf");
    }

    private Optional<Instant> time(String name) {
        JsonNode node = claims.get(name);
        return node != null && node.isIntegralNumber() && node.canConvertToLong()
                ? Optional.of(Instant.ofEpochSecond(node.asLong()))
                : Optional.empty();
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
