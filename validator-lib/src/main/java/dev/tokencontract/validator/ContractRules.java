package dev.tokencontract.validator;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.internal.ClaimAliases;
import dev.tokencontract.validator.internal.HeaderCheck;
import dev.tokencontract.validator.internal.IssuerAudienceCheck;
import dev.tokencontract.validator.internal.PlainJson;
import dev.tokencontract.validator.internal.TimeCheck;
import dev.tokencontract.validator.internal.TokenParts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Everything a {@link TokenValidator} checks except the signature: header rules ({@code alg}, {@code typ},
 * {@code kid}, refused key-carrying parameters), times, issuer, audience and the claims schema, on a
 * header and claim set whose signature <em>someone else</em> has already verified (Spring Security's
 * {@code NimbusJwtDecoder}, a gateway). It reports the same findings, with the same codes and pointers,
 * that {@link TokenValidator} reports for those stages. Immutable and thread-safe.
 *
 * <p>It never sees a key, so it can never prove a token genuine: use it only behind a verifier.
 *
 * <pre>{@code
 * ContractRules rules = ContractRules.builder()
 *         .contract(Contracts.load("mcp-access-token@1"))
 *         .expectIssuer("https://login.example.test")
 *         .expectAudience("https://mcp.example.test/mcp")
 *         .build();
 * ContractRules.Report report = rules.checkVerified(jwt.getHeaders(), jwt.getClaims());
 * }</pre>
 */
public final class ContractRules {
    private final Contract contract;
    private final String expectedIssuer;
    private final Set<String> expectedAudiences;
    private final Clock clock;
    private final Duration leeway;

    private ContractRules(
            Contract contract, String expectedIssuer, Set<String> expectedAudiences, Clock clock, Duration leeway) {
        this.contract = contract;
        this.expectedIssuer = expectedIssuer;
        this.expectedAudiences = Set.copyOf(expectedAudiences);
        this.clock = clock;
        this.leeway = leeway;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What the rules found. {@code verdict} is {@link Verdict#ACCEPTED} when no finding rejects the token
     * or says it could not be checked; it speaks only for the rules, never for the signature.
     */
    public record Report(Verdict verdict, List<Finding> findings, String contractReference) {
        public Report {
            findings = List.copyOf(findings);
            Objects.requireNonNull(verdict, "verdict");
        }

        public boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }

        /** The findings of severity ERROR. */
        public List<Finding> errors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        }

        public boolean has(FindingCode code) {
            return findings.stream().anyMatch(f -> f.code() == code);
        }
    }

    /** Checks a verified header and claim set (decoded JSON objects) as of the rules' clock. */
    public Report checkVerified(JsonNode header, JsonNode claims) {
        return checkVerified(header, claims, clock.instant());
    }

    public Report checkVerified(JsonNode header, JsonNode claims, Instant evaluatedAt) {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        List<Finding> findings = new ArrayList<>(4);
        if (header == null || !header.isObject()) {
            findings.add(Finding.error(
                    FindingCode.JSON_NOT_OBJECT,
                    "/header",
                    "a JSON object",
                    header == null ? "(absent)" : "not an object",
                    "The header is not a JSON object."));
        } else {
            checkHeader(header, findings);
        }
        if (claims == null || !claims.isObject()) {
            findings.add(Finding.error(
                    FindingCode.JSON_NOT_OBJECT,
                    "/claims",
                    "a JSON object",
                    claims == null ? "(absent)" : "not an object",
                    "The claims are not a JSON object."));
        } else {
            checkClaims(claims, evaluatedAt, findings);
        }
        return report(findings);
    }

    /**
     * Checks a header and claims in plain Java types, as frameworks hand them out: {@code String},
     * {@code Number}, {@code Boolean}, {@code Map}, {@code Collection}, and {@code Instant} (read as
     * NumericDate seconds, as Spring converts {@code exp}, {@code iat}, {@code nbf}).
     */
    public Report checkVerified(Map<String, ?> header, Map<String, ?> claims) {
        try {
            return checkVerified(PlainJson.tree(header), PlainJson.tree(claims), clock.instant());
        } catch (IllegalArgumentException e) {
            return report(List.of(Finding.error(
                    FindingCode.JSON_INVALID,
                    "",
                    "JSON values only",
                    e.getMessage(),
                    "The header or claims hold a value with no JSON form: " + e.getMessage() + ".")));
        }
    }

    /**
     * Reads the header and claims back out of a compact JWS whose signature the caller has verified, so the
     * rules see exactly what the issuer signed (no framework conversion in between). Shape findings
     * (base64url, UTF-8, duplicate members) come first, as from {@link TokenValidator}.
     */
    public Report checkVerifiedToken(String verifiedToken) {
        List<Finding> findings = new ArrayList<>(4);
        TokenParts parts = DecodedToken.readParts(verifiedToken, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, findings);
        if (parts != null) {
            if (parts.header() != null) {
                checkHeader(parts.header(), findings);
            }
            if (parts.claims() != null) {
                checkClaims(parts.claims(), clock.instant(), findings);
            }
        }
        return report(findings);
    }

    /** Stage 2, shared with {@link TokenValidator}: returns the algorithm to verify with, or null. */
    String checkHeader(JsonNode header, List<Finding> findings) {
        return HeaderCheck.check(header, contract.jose(), findings);
    }

    /** Stages 4 to 6, shared with {@link TokenValidator}. */
    void checkClaims(JsonNode claims, Instant evaluatedAt, List<Finding> findings) {
        checkTimeIssuerAudience(claims, evaluatedAt, findings);
        // a missing claim whose IdP alias the token carries (realm_access.roles, cid, tid...) says so in its hint
        findings.addAll(ClaimAliases.hinted(contract.check(claims, "/claims"), claims));
    }

    /** Stages 4 and 5 only: for claims whose signature was not verified, which a server does not judge against the contract. */
    void checkTimeIssuerAudience(JsonNode claims, Instant evaluatedAt, List<Finding> findings) {
        TimeCheck.check(claims, evaluatedAt, leeway, contract.jose().maxLifetime(), findings);
        IssuerAudienceCheck.issuer(claims, expectedIssuer, findings);
        IssuerAudienceCheck.audience(claims, expectedAudiences, findings);
    }

    private Report report(List<Finding> findings) {
        boolean rejected = false;
        boolean unchecked = false;
        for (Finding finding : findings) {
            rejected |= finding.rejects();
            unchecked |= finding.meansUnchecked();
        }
        Verdict verdict = rejected ? Verdict.REJECTED : unchecked ? Verdict.UNCHECKED : Verdict.ACCEPTED;
        return new Report(verdict, findings, contract.reference());
    }

    public Contract contract() {
        return contract;
    }

    /** The expected issuer, or empty when the issuer is explicitly ignored. */
    public Optional<String> expectedIssuer() {
        return Optional.ofNullable(expectedIssuer);
    }

    /** The accepted audiences; empty when the audience is explicitly ignored. */
    public Set<String> expectedAudiences() {
        return expectedAudiences;
    }

    public Duration leeway() {
        return leeway;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Builds the rules. As with {@link TokenValidator.Builder}, issuer and audience have no defaults: call
     * {@code expectIssuer} or {@code ignoreIssuer}, and {@code expectAudience} or {@code ignoreAudience}.
     */
    public static final class Builder {
        private Contract contract;
        private String expectedIssuer;
        private boolean issuerDecided;
        private final Set<String> expectedAudiences = new LinkedHashSet<>();
        private boolean audienceDecided;
        private Clock clock = Clock.systemUTC();
        private Duration leeway = TokenValidator.DEFAULT_LEEWAY;

        private Builder() {}

        /** Must be a {@code jwt-access-token} contract. */
        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** {@code iss} must equal this exactly. */
        public Builder expectIssuer(String issuer) {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException(
                        "expected issuer must not be blank; call ignoreIssuer() to skip the check");
            }
            this.expectedIssuer = issuer;
            this.issuerDecided = true;
            return this;
        }

        /** Do not check {@code iss}: only when another layer pins the issuer. */
        public Builder ignoreIssuer() {
            this.expectedIssuer = null;
            this.issuerDecided = true;
            return this;
        }

        /** {@code aud} must name this resource (call again to accept several). */
        public Builder expectAudience(String audience) {
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException(
                        "expected audience must not be blank; call ignoreAudience() to skip the check");
            }
            this.expectedAudiences.add(audience);
            this.audienceDecided = true;
            return this;
        }

        /** Do not check {@code aud}. An MCP server must never do this. */
        public Builder ignoreAudience() {
            this.expectedAudiences.clear();
            this.audienceDecided = true;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Tolerance for clock skew; default 60 s, at most {@link TokenValidator#MAX_LEEWAY}. */
        public Builder leeway(Duration leeway) {
            if (leeway == null || leeway.isNegative() || leeway.compareTo(TokenValidator.MAX_LEEWAY) > 0) {
                throw new IllegalArgumentException("leeway must be between 0 and 10 minutes");
            }
            this.leeway = leeway;
            return this;
        }

        /** Refuses incomplete settings with an {@link IllegalStateException}. */
        public ContractRules build() {
            if (contract == null) {
                throw new IllegalStateException("no contract: call contract(...)");
            }
            if (contract.kind() != ContractKind.JWT_ACCESS_TOKEN || contract.jose() == null) {
                throw new IllegalStateException(
                        contract.reference() + " is a " + contract.kind().id() + " contract, not a token contract");
            }
            if (!issuerDecided) {
                throw new IllegalStateException("issuer not decided: call expectIssuer(...) or ignoreIssuer()");
            }
            if (!audienceDecided) {
                throw new IllegalStateException("audience not decided: call expectAudience(...) or ignoreAudience()");
            }
            return new ContractRules(contract, expectedIssuer, expectedAudiences, clock, leeway);
        }
    }
}
