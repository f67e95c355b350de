package dev.tokencontract.validator;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.internal.SignatureCheck;
import dev.tokencontract.validator.internal.TokenParts;
import dev.tokencontract.validator.internal.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Judges tokens against a pinned contract in one pass (shape, header, key and signature, time, issuer
 * and audience, contract) and reports every finding. Immutable and thread-safe; build once, share.
 *
 * <pre>{@code
 * TokenValidator validator = TokenValidator.builder()
 *         .contract(Contracts.load("mcp-access-token@1"))
 *         .keys(KeySource.jwksUrl(URI.create("https://login.example.test/jwks")))
 *         .expectIssuer("https://login.example.test")
 *         .expectAudience("https://mcp.example.test/mcp")
 *         .build();
 * ValidationReport report = validator.validate(bearerToken);
 * }</pre>
 */
public final class TokenValidator implements AccessTokenValidator {
    /** Default size limit: generous for tokens with many groups, far below anything abusive. */
    public static final int DEFAULT_MAX_TOKEN_CHARS = 32 * 1024;

    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);
    /** The largest leeway the builder accepts: more would hide real expiry. */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(10);

    private final Contract contract;
    private final KeySource keys;
    private final String expectedIssuer;
    private final Set<String> expectedAudiences;
    private final Clock clock;
    private final Duration leeway;
    private final int maxTokenChars;
    private final ContractRules rules;
    private final boolean contractEvenIfSignatureFails;
    /** What an alg-less key is narrowed to: the explicit key algorithm, else the contract's algorithms. */
    private final Set<String> algorithmsForKeysWithoutAlg;

    private TokenValidator(Builder builder, ContractRules rules) {
        this.rules = rules;
        this.contract = builder.contract;
        this.keys = builder.keys;
        this.expectedIssuer = builder.expectedIssuer;
        this.expectedAudiences = Set.copyOf(builder.expectedAudiences);
        this.clock = builder.clock;
        this.leeway = builder.leeway;
        this.maxTokenChars = builder.maxTokenChars;
        this.contractEvenIfSignatureFails = builder.checkContractEvenIfSignatureFails || keys.isNone();
        this.algorithmsForKeysWithoutAlg =
                builder.keyAlgorithm == null ? builder.contract.jose().algorithms() : Set.of(builder.keyAlgorithm);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Judges a token as of the validator's clock. Never throws for any input. */
    @Override
    public ValidationReport validate(String token) {
        return validate(token, clock.instant());
    }

    /** Judges a token as of {@code evaluatedAt}: diagnose yesterday's token with yesterday's clock. */
    @Override
    public ValidationReport validate(String token, Instant evaluatedAt) {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        List<Finding> findings = new ArrayList<>(4);
        // A server reads the claims only once the signature did not already reject the token: they are
        // whatever an anonymous sender wrote, and decoding them is the work the sender chooses the size of.
        return judge(
                DecodedToken.readParts(token, maxTokenChars, contractEvenIfSignatureFails, findings),
                findings,
                evaluatedAt);
    }

    /** Stages 2 to 6 on parts already read (with their shape findings); {@link MultiIssuerValidator} reads once. */
    ValidationReport judge(TokenParts parts, List<Finding> findings, Instant evaluatedAt) {
        if (parts == null) {
            return report(findings, Optional.empty(), evaluatedAt, null, null);
        }
        VerificationKey verifiedBy = null;
        if (parts.header() != null) {
            String alg = rules.checkHeader(parts.header(), findings);
            JsonNode kidNode = parts.header().get("kid");
            String kid = kidNode != null && kidNode.isString() ? kidNode.stringValue() : null;
            verifiedBy = SignatureCheck.check(
                    parts, alg, kid, keys.provider(), keys.isNone(), algorithmsForKeysWithoutAlg, findings);
        }
        if (!parts.claimsRead()) {
            if (verifiedBy == null && findings.stream().anyMatch(Finding::rejects)) {
                findings.add(Finding.info(
                        FindingCode.CONTRACT_NOT_CHECKED,
                        "/claims",
                        "The claims were neither read nor checked: "
                                + "the token is already rejected and its signature was not verified."));
                return report(findings, Optional.of(DecodedToken.of(parts)), evaluatedAt, parts, null);
            }
            parts = DecodedToken.readClaims(parts, findings);
        }
        if (parts.claims() != null) {
            if (verifiedBy != null || contractEvenIfSignatureFails) {
                rules.checkClaims(parts.claims(), evaluatedAt, findings);
            } else {
                rules.checkTimeIssuerAudience(parts.claims(), evaluatedAt, findings);
                findings.add(
                        Finding.info(
                                FindingCode.CONTRACT_NOT_CHECKED,
                                "/claims",
                                "The claims were not checked against the contract, because no configured key verified the signature."));
            }
        }
        return report(findings, Optional.of(DecodedToken.of(parts)), evaluatedAt, parts, verifiedBy);
    }

    private ValidationReport report(
            List<Finding> findings,
            Optional<DecodedToken> decoded,
            Instant at,
            TokenParts parts,
            VerificationKey verifiedBy) {
        findings.sort(
                Comparator.comparingInt(f -> f.stage().ordinal())); // stable: claims decoded late stay in shape order
        boolean rejected = false;
        boolean unchecked = false;
        for (Finding finding : findings) {
            rejected |= finding.rejects();
            unchecked |= finding.meansUnchecked();
        }
        Verdict verdict;
        if (rejected) {
            verdict = Verdict.REJECTED;
        } else if (unchecked) {
            verdict = Verdict.UNCHECKED;
        } else if (verifiedBy != null && parts != null && parts.readable()) {
            verdict = Verdict.ACCEPTED;
        } else {
            verdict = Verdict.REJECTED; // fail closed: nothing found, but nothing proven either
        }
        Optional<ValidatedToken> validated = verdict == Verdict.ACCEPTED
                ? Optional.of(
                        new ValidatedToken(parts.header(), parts.claims(), contract.reference(), verifiedBy.kid()))
                : Optional.empty();
        return new ValidationReport(verdict, findings, decoded, at, contract.reference(), validated);
    }

    public Contract contract() {
        return contract;
    }

    /** For people: which keys this validator trusts. */
    public String keyDescription() {
        return keys.description();
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

    /**
     * Builds a validator. Issuer and audience have no defaults: call {@code expectIssuer} or
     * {@code ignoreIssuer}, and {@code expectAudience} or {@code ignoreAudience}; silence is an error.
     * Contradicting calls throw {@link IllegalStateException} at once: {@code ignoreIssuer()} after
     * {@code expectIssuer(...)} (or the reverse), {@code ignoreAudience()} after {@code expectAudience(...)}
     * (or the reverse), and a second {@code contract}, {@code keys} or {@code expectIssuer} with another value.
     */
    public static final class Builder {
        private Contract contract;
        private KeySource keys;
        private String expectedIssuer;
        private boolean issuerDecided;
        private final Set<String> expectedAudiences = new LinkedHashSet<>();
        private boolean audienceDecided;
        private Clock clock = Clock.systemUTC();
        private Duration leeway = DEFAULT_LEEWAY;
        private int maxTokenChars = DEFAULT_MAX_TOKEN_CHARS;
        private boolean skipContractUnlessSignatureVerified;
        private boolean checkContractEvenIfSignatureFails;
        private String keyAlgorithm;

        private Builder() {}

        /** The contract tokens must satisfy; must be a {@code jwt-access-token} contract. */
        public Builder contract(Contract contract) {
            Objects.requireNonNull(contract, "contract");
            refuseSecondValue("contract(...)", this.contract, contract);
            this.contract = contract;
            return this;
        }

        /** Where verification keys come from; {@link KeySource#none()} decodes but never accepts. */
        public Builder keys(KeySource keys) {
            Objects.requireNonNull(keys, "keys");
            refuseSecondValue("keys(...)", this.keys, keys);
            this.keys = keys;
            return this;
        }

        /**
         * The one algorithm keys without their own {@code alg} verify (RFC 8725 section 3.1: one key, one
         * algorithm), e.g. {@code "RS256"} for an identity provider whose JWKS omits {@code alg}. Without it,
         * such a key verifies only when the contract allows exactly one algorithm for its type; otherwise
         * tokens get {@code KEY_ALG_UNBOUND}. Keys that name their own {@code alg} keep it. Must be one of
         * the contract's algorithms.
         */
        public Builder keyAlgorithm(String alg) {
            if (alg == null || alg.isBlank()) {
                throw new IllegalArgumentException("key algorithm must not be blank, e.g. RS256");
            }
            refuseSecondValue("keyAlgorithm(...)", keyAlgorithm, alg);
            this.keyAlgorithm = alg;
            return this;
        }

        /** {@code iss} must equal this exactly. */
        public Builder expectIssuer(String issuer) {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException(
                        "expected issuer must not be blank; call ignoreIssuer() to skip the check");
            }
            if (issuerDecided && expectedIssuer == null) {
                throw new IllegalStateException("expectIssuer(...) contradicts the earlier ignoreIssuer()");
            }
            refuseSecondValue("expectIssuer(...)", expectedIssuer, issuer);
            this.expectedIssuer = issuer;
            this.issuerDecided = true;
            return this;
        }

        /** Do not check {@code iss}. Only for diagnosis or when another layer pins the issuer. */
        public Builder ignoreIssuer() {
            if (expectedIssuer != null) {
                throw new IllegalStateException("ignoreIssuer() contradicts the earlier expectIssuer(...)");
            }
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
            if (audienceDecided && expectedAudiences.isEmpty()) {
                throw new IllegalStateException("expectAudience(...) contradicts the earlier ignoreAudience()");
            }
            this.expectedAudiences.add(audience);
            this.audienceDecided = true;
            return this;
        }

        /** Do not check {@code aud}. An MCP server must never do this: it would accept tokens meant for others. */
        public Builder ignoreAudience() {
            if (!expectedAudiences.isEmpty()) {
                throw new IllegalStateException("ignoreAudience() contradicts the earlier expectAudience(...)");
            }
            this.audienceDecided = true;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Tolerance for clock skew on {@code exp}, {@code nbf} and {@code iat}; default 60 s. */
        public Builder leeway(Duration leeway) {
            if (leeway == null || leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
                throw new IllegalArgumentException("leeway must be between 0 and 10 minutes");
            }
            this.leeway = leeway;
            return this;
        }

        public Builder maxTokenChars(int max) {
            if (max < 64) {
                throw new IllegalArgumentException("maxTokenChars must be at least 64");
            }
            this.maxTokenChars = max;
            return this;
        }

        /**
         * The default, for servers: when no configured key verified the signature, the claims are not
         * judged against the contract (a {@code CONTRACT_NOT_CHECKED} note says so); when the signature
         * already rejected the token they are not even decoded. The verdict is {@code REJECTED} or
         * {@code UNCHECKED} either way; this keeps an anonymous sender from choosing how much work a
         * rejection costs. When the signature could not be checked (keys unavailable), time, issuer and
         * audience are still checked.
         */
        public Builder skipContractUnlessSignatureVerified() {
            this.skipContractUnlessSignatureVerified = true;
            return this;
        }

        /**
         * For diagnosis ({@code tokencontract explain}): judge the claims against the contract even when the
         * signature failed, so one run lists everything wrong with a token. A validator with
         * {@link KeySource#none()} always does, since it can verify nothing and accepts nothing.
         */
        public Builder checkContractEvenIfSignatureFails() {
            this.checkContractEvenIfSignatureFails = true;
            return this;
        }

        /** A setting given twice with different values is a contradiction, not a silent override. */
        private static void refuseSecondValue(String call, Object earlier, Object next) {
            if (earlier != null && !earlier.equals(next)) {
                throw new IllegalStateException(
                        call + " was already called with another value; each setting is given once");
            }
        }

        /** Refuses incomplete or contradictory settings with an {@link IllegalStateException}. */
        public TokenValidator build() {
            if (contract == null) {
                throw new IllegalStateException("no contract: call contract(...)");
            }
            if (contract.kind() != ContractKind.JWT_ACCESS_TOKEN || contract.jose() == null) {
                throw new IllegalStateException(
                        contract.reference() + " is a " + contract.kind().id() + " contract, not a token contract");
            }
            if (keys == null) {
                throw new IllegalStateException(
                        "no key source: call keys(...), or keys(KeySource.none()) to decode without accepting");
            }
            if (!issuerDecided) {
                throw new IllegalStateException("issuer not decided: call expectIssuer(...) or ignoreIssuer()");
            }
            if (!audienceDecided) {
                throw new IllegalStateException("audience not decided: call expectAudience(...) or ignoreAudience()");
            }
            if (skipContractUnlessSignatureVerified && checkContractEvenIfSignatureFails) {
                throw new IllegalStateException("contradictory: skipContractUnlessSignatureVerified() and "
                        + "checkContractEvenIfSignatureFails() were both called; choose one");
            }
            if (keyAlgorithm != null && !contract.jose().algorithms().contains(keyAlgorithm)) {
                throw new IllegalStateException(
                        "keyAlgorithm(" + keyAlgorithm + ") is not an algorithm " + contract.reference() + " allows: "
                                + new java.util.TreeSet<>(contract.jose().algorithms()));
            }
            ContractRules.Builder rules =
                    ContractRules.builder().contract(contract).clock(clock).leeway(leeway);
            if (expectedIssuer == null) {
                rules.ignoreIssuer();
            } else {
                rules.expectIssuer(expectedIssuer);
            }
            if (expectedAudiences.isEmpty()) {
                rules.ignoreAudience();
            } else {
                expectedAudiences.forEach(rules::expectAudience);
            }
            return new TokenValidator(this, rules.build());
        }
    }
}
