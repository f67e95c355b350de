package dev.tokencontract.validator;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.internal.TokenParts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Accepts tokens from a fixed set of issuers, each with its own keys and contract (a realm per tenant). The
 * token's {@code iss} picks the issuer <em>before</em> any key is looked up: a token naming an issuer outside
 * the set is refused ({@code ISS_MISMATCH}) without a network call, so nobody can make this server fetch
 * keys for an issuer of their choosing. The chosen issuer's validator then judges the token fully, as a
 * {@link TokenValidator} does. Immutable and thread-safe.
 *
 * <pre>{@code
 * MultiIssuerValidator validator = MultiIssuerValidator.builder()
 *         .expectAudience("https://mcp.example.test/mcp")
 *         .trust(TrustedIssuer.of("https://login.example.test/acme", contract, KeySource.discovery(URI.create("https://login.example.test/acme"))))
 *         .trust(TrustedIssuer.of("https://login.example.test/globex", contract, KeySource.jwksUrl(URI.create("https://login.example.test/globex/jwks"))))
 *         .build();
 * }</pre>
 */
public final class MultiIssuerValidator implements AccessTokenValidator {
    private final Map<String, TokenValidator> byIssuer;
    private final Clock clock;
    private final String expectedText;
    private final String contractReferences;

    private MultiIssuerValidator(Map<String, TokenValidator> byIssuer, Clock clock) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.clock = clock;
        this.expectedText = "one of " + new TreeSet<>(byIssuer.keySet());
        Set<String> references = new TreeSet<>();
        byIssuer.values().forEach(v -> references.add(v.contract().reference()));
        this.contractReferences = String.join(", ", references);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ValidationReport validate(String token) {
        return validate(token, clock.instant());
    }

    @Override
    public ValidationReport validate(String token, Instant evaluatedAt) {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        List<Finding> findings = new ArrayList<>(4);
        TokenParts parts = DecodedToken.readParts(token, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, findings);
        JsonNode iss =
                parts == null || parts.claims() == null ? null : parts.claims().get("iss");
        TokenValidator chosen = iss != null && iss.isString() ? byIssuer.get(iss.stringValue()) : null;
        if (chosen != null) {
            return chosen.judge(parts, findings, evaluatedAt);
        }
        if (parts != null && parts.claims() != null) {
            if (iss == null) {
                findings.add(Finding.error(
                        FindingCode.ISS_MISSING,
                        "/claims/iss",
                        expectedText,
                        "(absent)",
                        "The token names no issuer, so no trusted issuer's keys apply."));
            } else {
                String actual = iss.isString() ? iss.stringValue() : iss.toString();
                findings.add(Finding.error(
                        FindingCode.ISS_MISMATCH,
                        "/claims/iss",
                        expectedText,
                        Redact.value(actual),
                        "The token was issued by " + Redact.value(actual)
                                + ", which is not a trusted issuer; no key was looked up."));
            }
        }
        Optional<DecodedToken> decoded = parts == null ? Optional.empty() : Optional.of(DecodedToken.of(parts));
        return new ValidationReport(
                Verdict.REJECTED, findings, decoded, evaluatedAt, contractReferences, Optional.empty());
    }

    /** The trusted issuers, in no particular order. */
    public Set<String> issuers() {
        return byIssuer.keySet();
    }

    /** The validator for one trusted issuer. */
    public Optional<TokenValidator> validatorFor(String issuer) {
        return Optional.ofNullable(byIssuer.get(issuer));
    }

    /** The validators, one per trusted issuer. */
    public Collection<TokenValidator> validators() {
        return byIssuer.values();
    }

    /**
     * Builds the validator. At least one issuer; every issuer needs an audience, its own or the shared one
     * ({@code expectAudience}), unless {@code ignoreAudience()} says otherwise; an issuer listed twice is refused.
     */
    public static final class Builder {
        private final Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();
        private final Set<String> sharedAudiences = new LinkedHashSet<>();
        private boolean audienceIgnored;
        private Clock clock = Clock.systemUTC();
        private Duration leeway = TokenValidator.DEFAULT_LEEWAY;
        private int maxTokenChars = TokenValidator.DEFAULT_MAX_TOKEN_CHARS;

        private Builder() {}

        public Builder trust(TrustedIssuer issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuers.putIfAbsent(issuer.issuer(), issuer) != null) {
                throw new IllegalArgumentException("issuer " + issuer.issuer() + " is listed twice");
            }
            return this;
        }

        /** The audience tokens of every issuer without audiences of its own must name (call again for several). */
        public Builder expectAudience(String audience) {
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException(
                        "expected audience must not be blank; call ignoreAudience() to skip the check");
            }
            sharedAudiences.add(audience);
            return this;
        }

        /** Do not check {@code aud} for issuers without audiences of their own. An MCP server must never do this. */
        public Builder ignoreAudience() {
            sharedAudiences.clear();
            audienceIgnored = true;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder leeway(Duration leeway) {
            this.leeway = Objects.requireNonNull(leeway, "leeway");
            return this;
        }

        public Builder maxTokenChars(int max) {
            this.maxTokenChars = max;
            return this;
        }

        /** Refuses an empty set, a missing audience decision, or audiences both shared and ignored. */
        public MultiIssuerValidator build() {
            if (issuers.isEmpty()) {
                throw new IllegalStateException("no trusted issuer: call trust(...) at least once");
            }
            if (audienceIgnored && !sharedAudiences.isEmpty()) {
                throw new IllegalStateException("audience both expected and ignored");
            }
            Map<String, TokenValidator> validators = new LinkedHashMap<>();
            for (TrustedIssuer trusted : issuers.values()) {
                TokenValidator.Builder builder = TokenValidator.builder()
                        .contract(trusted.contract())
                        .keys(trusted.keys())
                        .expectIssuer(trusted.issuer())
                        .clock(clock)
                        .leeway(leeway)
                        .maxTokenChars(maxTokenChars);
                Set<String> audiences = trusted.audiences().isEmpty() ? sharedAudiences : trusted.audiences();
                if (audiences.isEmpty() && !audienceIgnored) {
                    throw new IllegalStateException("audience not decided for " + trusted.issuer()
                            + ": call expectAudience(...), give the issuer its own, or ignoreAudience()");
                }
                if (audiences.isEmpty()) {
                    builder.ignoreAudience();
                } else {
                    audiences.forEach(builder::expectAudience);
                }
                validators.put(trusted.issuer(), builder.build());
            }
            return new MultiIssuerValidator(validators, clock);
        }
    }
}
