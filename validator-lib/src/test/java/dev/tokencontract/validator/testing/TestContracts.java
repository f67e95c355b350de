package dev.tokencontract.validator.testing;

import dev.tokencontract.validator.Contract;
import dev.tokencontract.validator.ContractException;
import dev.tokencontract.validator.Contracts;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Contracts for tests that need what the bundled ones refuse, such as HS256 or HS256 beside RS256. */
public final class TestContracts {
    private TestContracts() {}

    /**
     * The {@code mcp-access-token} claims and typ rules, allowing exactly {@code algorithms}. Allowing HS*
     * beside RS* is a lint warning, not an error: a careless contract author can do it, so key binding must
     * hold even then.
     */
    public static Contract mcpAllowing(String name, String... algorithms) throws ContractException {
        ObjectNode document = (ObjectNode) Contracts.load("mcp-access-token@1.0.0").document();
        document.put("$id", "https://tokencontract.dev/contracts/" + name + "/1.0.0");
        ((ObjectNode) document.get("x-contract")).put("name", name);
        ArrayNode algs = ((ObjectNode) document.get("x-jose")).putArray("alg");
        for (String alg : algorithms) {
            algs.add(alg);
        }
        return Contracts.parse(document.toString());
    }
}
