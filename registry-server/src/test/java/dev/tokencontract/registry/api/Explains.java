package dev.tokencontract.registry.api;

import dev.tokencontract.registry.ExplainLimits;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/** Requests and fixtures for {@code POST /ui/api/explain}: a registry trusting the test keys, bodies, tokens. */
final class Explains {
    static final String PATH = "/ui/api/explain";
    static final String CONTRACT = "identity.crm";

    private Explains() {}

    /** A registry that trusts the public test JWKS for explanations and holds identity.crm 1.0.0. */
    static Registry registry() {
        return registry(b -> b);
    }

    static Registry registry(UnaryOperator<RegistryServer.Builder> more) {
        Registry registry = Registry.start(
                b -> more.apply(b.trustForExplain(testKeys()).explainLimits(new ExplainLimits(600, 600, 8))));
        if (registry.publish(Contracts.of(CONTRACT, "1.0.0")).status() != 201) {
            registry.close();
            throw new IllegalStateException("publishing the test contract failed");
        }
        return registry;
    }

    static KeySource testKeys() {
        try {
            return KeySource.jwks(TestKeys.publicJwks());
        } catch (KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token identity.crm 1.0.0 accepts: RS256 with the test key, roles within its enum. */
    static TestTokens conforming() {
        return TestTokens.mcp().claimArray("roles", "reader");
    }

    /** {@code {token, contract: {name: identity.crm, version}}}. */
    static ObjectNode body(String token, String version) {
        ObjectNode body = Registry.JSON.createObjectNode();
        body.put("token", token);
        body.putObject("contract").put("name", CONTRACT).put("version", version);
        return body;
    }

    static Registry.Response explain(Registry registry, ObjectNode body) {
        return registry.post(PATH, body.toString(), null);
    }
}
