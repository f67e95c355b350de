package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The producer suite: for generated inputs (users, tenants, roles), every token the producer mints
 * conforms to the contract (validator-lib accepts it with the producer's keys, issuer and audience) and
 * names the identity it was asked for ({@code sub}, {@code tenant_id}, {@code roles}).
 */
public final class ProducerSuite {
    static final String CONFORMS = "producer mints conforming tokens for the requested identity";

    private final TokenProducer producer;
    private final TokenValidator judge;
    private final Gen<ProducerInput> inputs;
    private final String subject;

    private ProducerSuite(Builder b) {
        this.producer = b.producer;
        // a conformance judge diagnoses: every stage, even when the signature fails
        this.judge = TokenValidator.builder()
                .contract(b.contract)
                .keys(b.keys)
                .expectIssuer(b.issuer)
                .expectAudience(b.audience)
                .clock(b.clock)
                .checkContractEvenIfSignatureFails()
                .build();
        this.inputs = b.inputs == null ? ProducerInputs.users() : b.inputs;
        this.subject = b.subject != null ? b.subject : Shown.party(b.producer, "producer");
    }

    public static Builder builder() {
        return new Builder();
    }

    public SuiteResult run(SuiteSettings settings) {
        List<PropertyReport> reports = new ArrayList<>();
        try {
            producer.mint(Targeted.simplest(inputs));
        } catch (CouldNotRun e) {
            reports.add(PropertyReport.couldNotRun(CONFORMS, e.getMessage(), settings.seed()));
            return new SuiteResult("producer", subject, settings.seed(), reports);
        } catch (Exception | AssertionError e) {
            // the property reports what the producer does
        }
        reports.add(PropertyRun.run(CONFORMS, inputs, settings, this::conforms));
        return new SuiteResult("producer", subject, settings.seed(), settings.withUnmetRequirements(reports));
    }

    private void conforms(ProducerInput input) throws Exception {
        String token = producer.mint(input);
        ValidationReport report = judge.validate(token);
        if (!report.accepted()) {
            throw new PropertyFailure("the producer minted a token the contract rejects (" + report.verdict() + "): "
                    + Shown.findings(report.findings()) + header(token));
        }
        JsonNode claims = report.validated().orElseThrow().claims();
        List<String> wrong = new ArrayList<>();
        if (!input.sub().equals(claims.path("sub").asString(null))) {
            wrong.add("sub " + claims.path("sub") + " instead of \"" + input.sub() + "\"");
        }
        if (claims.has("tenant_id")
                && !input.tenantId().equals(claims.path("tenant_id").asString(null))) {
            wrong.add("tenant_id " + claims.path("tenant_id") + " instead of \"" + input.tenantId() + "\"");
        }
        if (claims.path("roles").isArray()) {
            var minted = new HashSet<String>();
            claims.path("roles").forEach(r -> minted.add(r.asString("")));
            if (!minted.equals(new HashSet<>(input.roles()))) {
                wrong.add("roles " + claims.path("roles") + " instead of " + input.roles());
            }
        }
        if (!wrong.isEmpty()) {
            throw new PropertyFailure(
                    "the producer's token names another identity than asked: " + String.join("; ", wrong));
        }
        Property.label("alg "
                + report.decoded()
                        .flatMap(DecodedToken::header)
                        .map(h -> h.path("alg").asString("?"))
                        .orElse("?"));
    }

    private static String header(String token) {
        Optional<JsonNode> header = DecodedToken.decode(token).token().flatMap(DecodedToken::header);
        return header.map(h -> "; header " + Shown.claims(h)).orElse("");
    }

    /** Builds a producer suite; contract, keys, issuer, audience and producer are required. */
    public static final class Builder {
        private Contract contract;
        private KeySource keys;
        private String issuer;
        private String audience;
        private TokenProducer producer;
        private Gen<ProducerInput> inputs;
        private Clock clock = Clock.systemUTC();
        private String subject;

        private Builder() {}

        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** The producer's verification keys (its JWKS URL or file, PEM, or HMAC secret). */
        public Builder keys(KeySource keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = ConsumerSuite.requireText(issuer, "issuer");
            return this;
        }

        /** The audience the producer mints for (the MCP server's resource identifier). */
        public Builder audience(String audience) {
            this.audience = ConsumerSuite.requireText(audience, "audience");
            return this;
        }

        public Builder producer(TokenProducer producer) {
            this.producer = Objects.requireNonNull(producer, "producer");
            return this;
        }

        /** The inputs to ask for; {@link ProducerInputs#users()} by default. */
        public Builder inputs(Gen<ProducerInput> inputs) {
            this.inputs = Objects.requireNonNull(inputs, "inputs");
            return this;
        }

        /** The clock tokens are judged by; the system clock by default (producers mint with real time). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public ProducerSuite build() {
            if (contract == null || keys == null || issuer == null || audience == null || producer == null) {
                throw new IllegalStateException("contract, keys, issuer, audience and producer are required");
            }
            return new ProducerSuite(this);
        }
    }
}
