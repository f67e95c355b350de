package dev.tokencontract.conformance;

import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Shared fixtures of the kit's tests: keys generated once per JVM, a fixed clock, the MCP contract. */
public final class Kit {
    public static final String ISSUER = "https://login.example.test";
    public static final String AUDIENCE = "https://mcp.example.test/mcp";
    public static final Instant NOW = Instant.parse("2026-11-26T00:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final SigningKeys KEYS = SigningKeys.generate("tc");
    /** Same kids as {@link #KEYS}, other key material: nobody trusts these. */
    public static final SigningKeys STRANGER = SigningKeys.generate("tc");

    public static final Contract MCP = load("mcp-access-token@1.0.0");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Kit() {}

    public static TokenMinter minter(Contract contract) {
        return TokenMinter.builder().contract(contract).keys(KEYS).clock(CLOCK).build();
    }

    /** A validator as a production MCP server builds it, trusting {@link #KEYS}' public half. */
    public static TokenValidator judge(Contract contract) {
        return judge(contract, KEYS.publicKeySource());
    }

    public static TokenValidator judge(Contract contract, KeySource keys) {
        return TokenValidator.builder()
                .contract(contract)
                .keys(keys)
                .expectIssuer(ISSUER)
                .expectAudience(AUDIENCE)
                .clock(CLOCK)
                .build();
    }

    /** A valid mcp-access-token claim set (time claims are set by the minter). */
    public static ObjectNode claims() {
        return object("""
                {"iss": "%s", "sub": "alice@example.test", "aud": "%s", "exp": 0, "iat": 0,
                 "jti": "6f1c2a8e", "client_id": "crm-agent", "tenant_id": "acme", "roles": ["support", "sales"]}
                """.formatted(ISSUER, AUDIENCE));
    }

    public static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    public static Contract load(String reference) {
        try {
            return Contracts.load(reference);
        } catch (ContractException e) {
            throw new IllegalStateException(e.getMessage() + " " + e.findings(), e);
        }
    }

    public static Contract parse(ObjectNode document) {
        try {
            return Contracts.parse(document.toString());
        } catch (ContractException e) {
            throw new IllegalStateException(e.getMessage() + " " + e.findings(), e);
        }
    }
}
