package dev.tokencontract.conformance.testing;

import dev.tokencontract.conformance.suites.ProducerInput;
import dev.tokencontract.conformance.suites.TokenProducer;
import dev.tokencontract.conformance.tokens.Jws;
import dev.tokencontract.conformance.tokens.SigningKeys;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A small IdP token endpoint minting mcp-access-token claims, with drift switches. */
public final class StubTokenEndpoint {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How this producer drifted. */
    public enum Drift {
        NONE,
        TENANT_RENAMED,
        ROLES_AS_STRING,
        AUD_MISSING,
        TYP_JWT,
        HS256,
        OPAQUE
    }

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final Drift drift;

    public StubTokenEndpoint(SigningKeys keys, String issuer, String audience, Clock clock, Drift drift) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.drift = drift;
    }

    public String mint(ProducerInput input) {
        if (drift == Drift.OPAQUE) {
            return UUID.randomUUID().toString().replace("-", "");
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", issuer).put("sub", input.sub());
        if (drift != Drift.AUD_MISSING) {
            claims.put("aud", audience);
        }
        claims.put("exp", now + 600)
                .put("iat", now)
                .put("jti", UUID.randomUUID().toString())
                .put("client_id", "crm-agent");
        claims.put(drift == Drift.TENANT_RENAMED ? "tenantId" : "tenant_id", input.tenantId());
        if (drift == Drift.ROLES_AS_STRING) {
            claims.put("roles", String.join(" ", input.roles()));
        } else {
            input.roles().forEach(claims.putArray("roles")::add);
        }
        String alg = drift == Drift.HS256 ? "HS256" : "RS256";
        ObjectNode header = JSON.createObjectNode()
                .put("alg", alg)
                .put("typ", drift == Drift.TYP_JWT ? "JWT" : "at+jwt")
                .put(
                        "kid",
                        drift == Drift.HS256
                                ? keys.hmac().getKeyID()
                                : keys.rsa().getKeyID());
        return Jws.sign(header, claims, keys);
    }

    public TokenProducer producer() {
        return this::mint;
    }

    /** As an HTTP token endpoint answering {"access_token": ..., "token_type": "Bearer"}. */
    public StubServer serve() {
        return StubServer.start((authorization, body) -> {
            ObjectNode in = (ObjectNode) JSON.readTree(body);
            var roles = new java.util.ArrayList<String>();
            in.path("roles").forEach(r -> roles.add(r.asString()));
            String token = mint(new ProducerInput(
                    in.path("sub").asString(), in.path("tenant_id").asString(), roles));
            return new StubServer.Answer(
                    200,
                    Map.of("Content-Type", "application/json"),
                    JSON.createObjectNode()
                            .put("access_token", token)
                            .put("token_type", "Bearer")
                            .toString());
        });
    }
}
