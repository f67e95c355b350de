package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.mutate.ClaimMutator;
import dev.tokencontract.conformance.mutate.Mutant;
import dev.tokencontract.conformance.mutate.Mutation;
import dev.tokencontract.conformance.mutate.MutationOutcome;
import dev.tokencontract.conformance.mutate.TokenMutator;
import dev.tokencontract.conformance.tokens.Jws;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consumer suite: an MCP server accepts every valid token and rejects every invalid one. Valid tokens
 * are generated claim sets signed with the run's keys under each algorithm the contract allows; invalid
 * ones are each {@link Mutation} of them, proven invalid by validator-lib before use. Over HTTP every
 * rejection must also carry a well-formed {@code WWW-Authenticate} (RFC 6750, MCP authorization).
 *
 * <pre>{@code
 * SuiteResult result = ConsumerSuite.builder()
 *         .contract(contract).keys(keys).issuer("https://login.example.test").audience("https://mcp.example.test/mcp")
 *         .consumer(TokenConsumer.http(URI.create("http://127.0.0.1:8080/mcp")))
 *         .build().run(SuiteSettings.of(100, seed));
 * }</pre>
 */
public final class ConsumerSuite {
    public static final String ACCEPTS_VALID = "consumer accepts valid tokens";
    private static final int CHOICES = 32;

    private final Contract contract;
    private final TokenConsumer consumer;
    private final TokenMinter minter;
    private final TokenValidator judge;
    private final ClaimMutator claimMutator;
    private final TokenMutator tokenMutator;
    private final Gen<ObjectNode> claims;
    private final List<String> algorithms;
    private final String subject;

    private ConsumerSuite(Builder b) {
        this.contract = b.contract;
        this.consumer = b.consumer;
        this.minter = TokenMinter.builder()
                .contract(b.contract)
                .keys(b.keys)
                .clock(b.clock)
                .build();
        this.judge = TokenValidator.builder()
                .contract(b.contract)
                .keys(
                        b.contract.jose().algorithms().stream().anyMatch(a -> a.startsWith("HS"))
                                ? b.keys.hmacKeySource()
                                : b.keys.publicKeySource())
                .expectIssuer(b.issuer)
                .expectAudience(b.audience)
                .clock(b.clock)
                .checkContractEvenIfSignatureFails() // a conformance judge diagnoses every stage
                .build();
        this.claimMutator = new ClaimMutator(b.contract);
        this.tokenMutator = new TokenMutator(
                minter, judge, b.stranger == null ? SigningKeys.generate(kidPrefix(b.keys)) : b.stranger);
        this.claims = Targeted.claims(b.claims == null ? ValidClaims.of(b.contract) : b.claims, b.issuer, b.audience);
        this.algorithms = TokenMinter.PREFERRED_ALGORITHMS.stream()
                .filter(b.contract.jose().algorithms()::contains)
                .toList();
        this.subject = b.subject != null ? b.subject : Shown.party(b.consumer, "consumer");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs every property: acceptance of valid tokens, then rejection of each mutation. */
    public SuiteResult run(SuiteSettings settings) {
        List<PropertyReport> reports = new ArrayList<>();
        String unreachable = preflight();
        if (unreachable != null) {
            reports.add(PropertyReport.couldNotRun(ACCEPTS_VALID, unreachable, settings.seed()));
            return new SuiteResult("consumer", subject, settings.seed(), reports);
        }
        reports.add(PropertyRun.run(ACCEPTS_VALID, validTokens(), settings, this::mustAccept));
        for (Mutation mutation : Mutation.values()) {
            reports.add(rejects(mutation, settings));
        }
        return new SuiteResult("consumer", subject, settings.seed(), settings.withUnmetRequirements(reports));
    }

    /** Asks the consumer once; the reason it cannot be asked, or null. */
    private String preflight() {
        try {
            consumer.decide(minter.mint(Targeted.sample(contract, claims)));
            return null;
        } catch (CouldNotRun e) {
            return e.getMessage();
        } catch (Exception e) {
            return null; // the properties will report what the consumer does
        }
    }

    /** A valid token and what it was made from. */
    record ValidCase(ObjectNode claims, String alg, String token) {
        @Override
        public String toString() {
            return "valid token, alg " + alg + ", claims " + Shown.claims(claims);
        }
    }

    private Gen<ValidCase> validTokens() {
        Gen<String> alg = Gen.elements(algorithms);
        return in -> {
            ObjectNode drawn = in.draw(claims);
            String chosen = in.draw(alg);
            in.label("alg " + chosen);
            String token = minter.mint(drawn, chosen);
            ValidationReport report = judge.validate(token);
            if (!report.accepted()) { // the generator made something the contract refuses: never present it as valid
                throw in.reject("generated claims fail the contract: " + Shown.findings(report.findings()));
            }
            return new ValidCase(minter.timed(drawn), chosen, token);
        };
    }

    private void mustAccept(ValidCase example) throws Exception {
        Decision decision = consumer.decide(example.token());
        if (!decision.accepted()) {
            throw new PropertyFailure("the consumer refused a valid token (" + decision.detail()
                    + "); validator-lib accepts it under " + contract.reference());
        }
    }

    /** A mutant (or why the mutation did not apply to this example). */
    record MutantCase(Mutation mutation, Mutant mutant, String notApplicable) {
        @Override
        public String toString() {
            return mutant == null
                    ? mutation.label() + " not applicable: " + notApplicable
                    : mutant + "; claims " + Shown.claims(mutant.claims());
        }
    }

    private PropertyReport rejects(Mutation mutation, SuiteSettings settings) {
        String name = "consumer rejects " + mutation.label();
        List<String> reasons = new ArrayList<>();
        AtomicInteger applied = new AtomicInteger();
        PropertyReport report = PropertyRun.run(name, mutants(mutation, reasons, applied), settings, this::mustReject);
        boolean neverApplied = report.status() == PropertyReport.Status.PASSED && applied.get() == 0;
        return neverApplied
                ? PropertyReport.notApplicable(
                        name, reasons.isEmpty() ? "never applicable" : reasons.get(reasons.size() - 1), settings.seed())
                : report;
    }

    /** Counts in {@code applied} every drawn case whose mutation applied (so "never applicable" is data, not text). */
    private Gen<MutantCase> mutants(Mutation mutation, List<String> reasons, AtomicInteger applied) {
        Gen<Integer> choice = Gen.ints(0, CHOICES - 1);
        return in -> {
            ObjectNode valid = minter.timed(in.draw(claims));
            MutationOutcome outcome = mutation.level() == Mutation.Level.CLAIMS
                    ? claimMutator.apply(mutation, valid, in.draw(choice))
                    : tokenMutator.apply(mutation, valid);
            if (outcome instanceof MutationOutcome.NotApplicable na) {
                synchronized (reasons) {
                    reasons.add(na.reason());
                }
                in.label("not applicable");
                return new MutantCase(mutation, null, na.reason());
            }
            Mutant mutant = ((MutationOutcome.Applied) outcome).mutant();
            if (mutant.token() == null) {
                mutant = signClaimsMutant(mutant);
                if (mutant == null) {
                    in.label("not applicable");
                    return new MutantCase(mutation, null, "the signed claims mutant was not rejected by validator-lib");
                }
            }
            applied.incrementAndGet();
            in.label("applied");
            in.label(mutation.label() + "(" + mutant.target() + ")");
            return new MutantCase(mutation, mutant, null);
        };
    }

    /** Signs a claims mutant as a conforming producer would and proves the token is rejected. */
    private Mutant signClaimsMutant(Mutant mutant) {
        String token = Jws.sign(minter.header(minter.defaultAlgorithm()), mutant.claims(), minter.keys());
        ValidationReport report = judge.validate(token);
        if (report.accepted()) {
            return null;
        }
        Set<dev.tokencontract.finding.FindingCode> codes = report.findings().stream()
                .filter(Finding::rejects)
                .map(Finding::code)
                .collect(Collectors.toSet());
        return mutant.withToken(token, codes);
    }

    private void mustReject(MutantCase example) throws Exception {
        if (example.mutant() == null) {
            return;
        }
        Decision decision = consumer.decide(example.mutant().token());
        if (decision.accepted()) {
            throw new PropertyFailure("the consumer accepted an invalid token (" + decision.detail() + "): "
                    + example.mutation().rule() + " — " + example.mutant().detail() + "; validator-lib rejects it with "
                    + example.mutant().rejectedBy());
        }
        if (!decision.rejected()) {
            throw new PropertyFailure(
                    "the consumer neither accepted nor rejected an invalid token: " + decision.detail());
        }
        if (!decision.violations().isEmpty()) {
            throw new PropertyFailure("the consumer rejected the token (" + decision.detail()
                    + ") but its WWW-Authenticate breaks the rules: " + decision.violations());
        }
        Property.label("rejected " + decision.detail());
    }

    private static String kidPrefix(SigningKeys keys) {
        String kid = keys.rsa().getKeyID();
        return kid.endsWith("-rsa") ? kid.substring(0, kid.length() - 4) : kid;
    }

    /** Builds a consumer suite; contract, keys, issuer, audience and consumer are required. */
    public static final class Builder {
        private Contract contract;
        private SigningKeys keys;
        private SigningKeys stranger;
        private Clock clock = Clock.systemUTC();
        private String issuer;
        private String audience;
        private TokenConsumer consumer;
        private Gen<ObjectNode> claims;
        private String subject;

        private Builder() {}

        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** The keys the consumer trusts (it must trust their public JWKS, or the HMAC secret for HS* contracts). */
        public Builder keys(SigningKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Keys the consumer must not trust, for the wrong-key mutation; generated when not given. */
        public Builder strangerKeys(SigningKeys stranger) {
            this.stranger = Objects.requireNonNull(stranger, "stranger");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The issuer the consumer expects; valid tokens carry it, the wrong-iss mutation changes it. */
        public Builder issuer(String issuer) {
            this.issuer = requireText(issuer, "issuer");
            return this;
        }

        /** The consumer's own audience (its resource identifier); valid tokens carry it. */
        public Builder audience(String audience) {
            this.audience = requireText(audience, "audience");
            return this;
        }

        public Builder consumer(TokenConsumer consumer) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /** Valid claim sets; by default generated from the contract's schema. */
        public Builder claims(Gen<ObjectNode> claims) {
            this.claims = Objects.requireNonNull(claims, "claims");
            return this;
        }

        /** What the report calls the consumer; by default its toString. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public ConsumerSuite build() {
            if (contract == null || keys == null || issuer == null || audience == null || consumer == null) {
                throw new IllegalStateException("contract, keys, issuer, audience and consumer are required");
            }
            if (contract.jose() == null) {
                throw new IllegalStateException(contract.reference() + " is not a token contract");
            }
            return new ConsumerSuite(this);
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
