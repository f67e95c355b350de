package dev.tokencontract.conformance.tokens;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.JoseRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs claim sets as a conforming producer would: header per the contract's {@code x-jose} ({@code alg},
 * {@code typ}, {@code kid}), {@code iat}/{@code nbf}/{@code exp} from the injected clock and within the
 * contract's {@code maxLifetimeSeconds}. Immutable and thread-safe.
 *
 * <pre>{@code
 * TokenMinter minter = TokenMinter.builder().contract(contract).keys(SigningKeys.generate()).clock(clock).build();
 * String token = minter.mint(claims);
 * }</pre>
 */
public final class TokenMinter {
    /** Preference order for the default algorithm: the first the contract allows wins. */
    public static final List<String> PREFERRED_ALGORITHMS = List.of("RS256", "PS256", "ES256", "HS256");

    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JoseRules jose;
    private final SigningKeys keys;
    private final Clock clock;
    private final Duration lifetime;
    private final String defaultAlg;

    private TokenMinter(Builder b) {
        this.jose = b.contract.jose();
        this.keys = b.keys;
        this.clock = b.clock;
        Duration cap = jose.maxLifetime().orElse(b.lifetime);
        this.lifetime = b.lifetime.compareTo(cap) > 0 ? cap : b.lifetime;
        this.defaultAlg = PREFERRED_ALGORITHMS.stream()
                .filter(jose.algorithms()::contains)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the contract allows " + jose.algorithms() + "; this kit signs " + PREFERRED_ALGORITHMS));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A token for {@code claims} with the default algorithm and fresh time claims. */
    public String mint(JsonNode claims) {
        return mint(claims, defaultAlg);
    }

    /** A token for {@code claims} signed with {@code alg} (which the contract need not allow), fresh time claims. */
    public String mint(JsonNode claims, String alg) {
        return Jws.sign(header(alg), timed(claims), keys);
    }

    /** The header a conforming producer sends for {@code alg}: alg, the preferred allowed typ, the key's kid. */
    public ObjectNode header(String alg) {
        ObjectNode header = JSON.createObjectNode().put("alg", alg);
        preferredType().ifPresent(typ -> header.put("typ", typ));
        header.put("kid", kidFor(alg, keys));
        return header;
    }

    /** A copy of {@code claims} with {@code iat} (and {@code nbf} when present) now and {@code exp} now + lifetime. */
    public ObjectNode timed(JsonNode claims) {
        Instant now = clock.instant();
        return timed(claims, now, now.plus(lifetime));
    }

    /** A copy of {@code claims} issued at {@code issuedAt} and expiring at {@code expiresAt}. */
    public static ObjectNode timed(JsonNode claims, Instant issuedAt, Instant expiresAt) {
        if (!claims.isObject()) {
            throw new IllegalArgumentException("claims must be a JSON object");
        }
        ObjectNode copy = (ObjectNode) claims.deepCopy();
        copy.put("iat", issuedAt.getEpochSecond());
        if (copy.has("nbf")) {
            copy.put("nbf", issuedAt.getEpochSecond());
        }
        copy.put("exp", expiresAt.getEpochSecond());
        return copy;
    }

    public String defaultAlgorithm() {
        return defaultAlg;
    }

    public SigningKeys keys() {
        return keys;
    }

    public Clock clock() {
        return clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public JoseRules jose() {
        return jose;
    }

    /** The kid of the key that signs {@code alg}. */
    public static String kidFor(String alg, SigningKeys keys) {
        if (alg.startsWith("PS")) {
            return keys.rsaPss().getKeyID();
        }
        if (alg.startsWith("RS")) {
            return keys.rsa().getKeyID();
        }
        if (alg.startsWith("ES")) {
            return keys.ec().getKeyID();
        }
        return keys.hmac().getKeyID();
    }

    private java.util.Optional<String> preferredType() {
        if (jose.types().isEmpty()) {
            return java.util.Optional.of("at+jwt"); // RFC 9068 section 2.1; the contract does not check it
        }
        if (jose.allowsType("at+jwt")) {
            return java.util.Optional.of("at+jwt");
        }
        return jose.types().stream().sorted().findFirst();
    }

    /** Builds a minter; contract and keys are required, the clock defaults to the system UTC clock. */
    public static final class Builder {
        private Contract contract;
        private SigningKeys keys;
        private Clock clock = Clock.systemUTC();
        private Duration lifetime = DEFAULT_LIFETIME;

        private Builder() {}

        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        public Builder keys(SigningKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long minted tokens live; capped at the contract's maxLifetimeSeconds. Default 10 minutes. */
        public Builder lifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            this.lifetime = lifetime;
            return this;
        }

        public TokenMinter build() {
            if (contract == null || contract.jose() == null) {
                throw new IllegalStateException("a token contract is required: call contract(...)");
            }
            if (keys == null) {
                throw new IllegalStateException("no keys: call keys(SigningKeys.generate())");
            }
            return new TokenMinter(this);
        }
    }
}
