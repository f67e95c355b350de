package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.http.RecordingEndpoint;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The carrier suite: what an agent or hub presents downstream is the user's own identity (or a token
 * delegated per RFC 8693, with {@code act} naming the actor), never a shared bot identity, never a token
 * for another audience. User tokens are minted for the carrier's audience; a {@link RecordingEndpoint}
 * stands in for the downstream MCP server and records each {@code Authorization} header.
 */
public final class CarrierSuite {
    static final String CARRIES_USER = "carrier presents the user's identity to the downstream audience";

    private final TokenCarrier carrier;
    private final TokenMinter minter;
    private final Gen<ObjectNode> users;
    private final String downstreamAudience;
    private final TokenValidator downstreamJudge;
    private final RecordingEndpoint downstream;
    private final String subject;

    private CarrierSuite(Builder b) {
        this.carrier = b.carrier;
        this.minter = TokenMinter.builder()
                .contract(b.contract)
                .keys(b.keys)
                .clock(b.clock)
                .build();
        this.users =
                Targeted.claims(b.claims == null ? ValidClaims.of(b.contract) : b.claims, b.issuer, b.carrierAudience);
        this.downstreamAudience = b.downstreamAudience;
        this.downstreamJudge = b.downstreamJudge;
        this.downstream = b.downstream;
        this.subject = b.subject != null ? b.subject : Shown.party(b.carrier, "carrier");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the suite against the recording endpoint given to the builder (the caller owns and closes it). */
    public SuiteResult run(SuiteSettings settings) {
        List<PropertyReport> reports = new ArrayList<>();
        try {
            carrier.call(minter.mint(Targeted.simplest(users)), downstream.uri());
        } catch (CouldNotRun e) {
            reports.add(PropertyReport.couldNotRun(CARRIES_USER, e.getMessage(), settings.seed()));
            return new SuiteResult("carrier", subject, settings.seed(), reports);
        } catch (Exception | AssertionError e) {
            // the property reports what the carrier does
        }
        // timed in the generator, so the counterexample shows the iat/exp the token really carried
        reports.add(PropertyRun.run(
                CARRIES_USER, users.map(claims -> new UserCase(minter.timed(claims))), settings, this::carriesUser));
        return new SuiteResult("carrier", subject, settings.seed(), settings.withUnmetRequirements(reports));
    }

    /** The user a try acts for. */
    record UserCase(ObjectNode claims) {
        @Override
        public String toString() {
            return "user token claims " + Shown.claims(claims);
        }
    }

    private void carriesUser(UserCase user) throws Exception {
        ObjectNode claims = user.claims();
        downstream.clear();
        carrier.call(minter.mint(claims), downstream.uri());
        List<RecordingEndpoint.Received> received = downstream.received();
        if (received.isEmpty()) {
            throw new PropertyFailure("the carrier made no downstream call");
        }
        for (RecordingEndpoint.Received request : received) {
            check(claims, request);
        }
        Property.label(received.size() == 1 ? "one downstream call" : "several downstream calls");
    }

    private void check(ObjectNode user, RecordingEndpoint.Received request) {
        String token = request.bearerToken();
        if (token == null) {
            throw new PropertyFailure("the downstream call carried no single bearer token (Authorization: "
                    + request.authorization().size() + " header line(s))");
        }
        JsonNode presented =
                DecodedToken.decode(token).token().flatMap(DecodedToken::claims).orElse(null);
        if (presented == null) {
            throw new PropertyFailure(
                    "the carrier presented something that is not a readable JWT: " + Shown.token(token));
        }
        String userSub = user.path("sub").asString();
        String presentedSub = presented.path("sub").asString(null);
        if (!userSub.equals(presentedSub)) {
            throw new PropertyFailure("shared identity: the carrier presented sub "
                    + (presentedSub == null ? "(absent)" : "\"" + presentedSub + "\"") + " instead of the user's \""
                    + userSub + "\"" + actor(presented));
        }
        if (user.has("tenant_id") && !user.path("tenant_id").equals(presented.path("tenant_id"))) {
            throw new PropertyFailure("the carrier presented tenant_id " + presented.path("tenant_id")
                    + " instead of the user's " + user.path("tenant_id"));
        }
        if (!audiences(presented).contains(downstreamAudience)) {
            throw new PropertyFailure("token for another audience: the carrier presented aud " + audiences(presented)
                    + " to the downstream server " + downstreamAudience
                    + (presented.equals(user) ? " (the user's own token passed through)" : ""));
        }
        if (presented.has("act") && !presented.path("act").path("sub").isString()) {
            throw new PropertyFailure("the delegated token's act has no sub naming the actor (RFC 8693 section 4.1)");
        }
        if (downstreamJudge != null) {
            ValidationReport report = downstreamJudge.validate(token);
            if (!report.accepted()) {
                throw new PropertyFailure(
                        "the token presented downstream fails the contract: " + Shown.findings(report.findings()));
            }
        }
        Property.label(presented.has("act") ? "delegated (act)" : "user's own identity");
    }

    private static String actor(JsonNode presented) {
        return presented.has("act") ? "; act " + Shown.claims(presented.path("act")) : "";
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> out = new ArrayList<>();
        if (aud.isString()) {
            out.add(aud.stringValue());
        } else {
            aud.forEach(a -> out.add(a.asString("")));
        }
        return out;
    }

    /** Builds a carrier suite; every setting but the downstream judge, claims and clock is required. */
    public static final class Builder {
        private Contract contract;
        private SigningKeys keys;
        private String issuer;
        private String carrierAudience;
        private String downstreamAudience;
        private TokenCarrier carrier;
        private RecordingEndpoint downstream;
        private TokenValidator downstreamJudge;
        private Gen<ObjectNode> claims;
        private Clock clock = Clock.systemUTC();
        private String subject;

        private Builder() {}

        public Builder contract(Contract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** The keys user tokens are signed with (the carrier must trust their public JWKS). */
        public Builder keys(SigningKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = ConsumerSuite.requireText(issuer, "issuer");
            return this;
        }

        /** The audience of the tokens users present to the carrier (the hub's own resource identifier). */
        public Builder carrierAudience(String audience) {
            this.carrierAudience = ConsumerSuite.requireText(audience, "carrier audience");
            return this;
        }

        /** The audience the downstream MCP server expects; what the carrier presents must name it. */
        public Builder downstreamAudience(String audience) {
            this.downstreamAudience = ConsumerSuite.requireText(audience, "downstream audience");
            return this;
        }

        public Builder carrier(TokenCarrier carrier) {
            this.carrier = Objects.requireNonNull(carrier, "carrier");
            return this;
        }

        /** Where the carrier is told to call; the caller starts and closes it. */
        public Builder downstream(RecordingEndpoint downstream) {
            this.downstream = Objects.requireNonNull(downstream, "downstream");
            return this;
        }

        /** When given, every presented token must also pass this validator (the downstream's keys and contract). */
        public Builder downstreamJudge(TokenValidator judge) {
            this.downstreamJudge = Objects.requireNonNull(judge, "judge");
            return this;
        }

        public Builder claims(Gen<ObjectNode> claims) {
            this.claims = Objects.requireNonNull(claims, "claims");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public CarrierSuite build() {
            if (contract == null
                    || keys == null
                    || issuer == null
                    || carrierAudience == null
                    || downstreamAudience == null
                    || carrier == null
                    || downstream == null) {
                throw new IllegalStateException(
                        "contract, keys, issuer, carrierAudience, downstreamAudience, carrier and downstream are required");
            }
            if (carrierAudience.equals(downstreamAudience)) {
                throw new IllegalStateException(
                        "the carrier's audience and the downstream audience must differ, or passthrough cannot be told apart");
            }
            return new CarrierSuite(this);
        }
    }
}
