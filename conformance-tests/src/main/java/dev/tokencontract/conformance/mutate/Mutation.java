package dev.tokencontract.conformance.mutate;

import java.util.Locale;

/**
 * The named rules a mutation breaks, each exactly one. Claim mutations break a rule of the contract's
 * JSON Schema; token mutations break a rule of the token around the claims (header, signature, time,
 * issuer, audience, shape).
 */
public enum Mutation {
    // claims
    DROP_REQUIRED(Level.CLAIMS, "a required claim is absent"),
    CHANGE_TYPE(Level.CLAIMS, "a claim has a JSON type the contract does not allow"),
    LEAVE_ENUM(Level.CLAIMS, "a claim holds a value outside its enum or const"),
    VIOLATE_BOUND(Level.CLAIMS, "a claim breaks a bound (minimum, maximum, length, items)"),
    VIOLATE_PATTERN(Level.CLAIMS, "a string claim does not match its pattern"),
    ADD_FORBIDDEN_PROPERTY(Level.CLAIMS, "a claim the closed contract does not declare"),
    BREAK_DEPENDENT_REQUIRED(Level.CLAIMS, "a claim that dependentRequired demands is absent"),
    // token
    DISALLOWED_ALG(Level.TOKEN, "signed with an algorithm the contract does not allow"),
    WRONG_TYP(Level.TOKEN, "typ JWT instead of the contract's typ (at+jwt)"),
    EXPIRED(Level.TOKEN, "expired beyond the leeway"),
    NOT_YET_VALID(Level.TOKEN, "nbf beyond the leeway in the future"),
    WRONG_AUD(Level.TOKEN, "issued for another audience"),
    WRONG_ISS(Level.TOKEN, "issued by another issuer"),
    UNSIGNED(Level.TOKEN, "alg none, no signature"),
    WRONG_KEY(Level.TOKEN, "signed by a key the consumer does not trust, under a trusted kid"),
    OPAQUE(Level.TOKEN, "an opaque (reference) token, not a JWT"),
    HS256_FOR_PUBLIC_KEY(Level.TOKEN, "HS256 where the contract requires a public-key algorithm (key confusion)");

    /** What a mutation changes. */
    public enum Level {
        CLAIMS,
        TOKEN
    }

    private final Level level;
    private final String rule;

    Mutation(Level level, String rule) {
        this.level = level;
        this.rule = rule;
    }

    public Level level() {
        return level;
    }

    /** The rule it breaks, for people. */
    public String rule() {
        return rule;
    }

    /** The kebab-case label used in reports and coverage, e.g. {@code drop-required}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
