package dev.tokencontract.testing;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract documents for tests: the bundled ones as shipped, a minimal valid token contract to break, and
 * contracts that allow what the bundled ones refuse, such as HS256 or HS256 beside RS256.
 */
public final class TestContracts {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestContracts() {}

    /** The text of a bundled contract exactly as {@code contract-schemas} ships it. */
    public static String bundledText(String name, String version) {
        String resource = "tokencontract/contracts/" + name + "/" + version + ".json";
        try (InputStream in = TestContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled contract " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled contract as a mutable tree. */
    public static ObjectNode bundled(String name, String version) {
        return (ObjectNode) JSON.readTree(bundledText(name, version));
    }

    /** The smallest token contract that lints clean: iss, aud, exp required; RS256; a scope/roles authorization. */
    public static ObjectNode minimal() {
        return (ObjectNode) JSON.readTree("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://tokencontract.dev/contracts/minimal-token/1.0.0",
                  "x-contract": {"name": "minimal-token", "version": "1.0.0", "kind": "jwt-access-token", "owner": "tests"},
                  "x-jose": {"alg": ["RS256"], "typ": ["at+jwt"]},
                  "x-authorization": {
                    "operations": {
                      "read": {"scopes": ["data.read"]},
                      "admin": {"roles": ["admin"]}
                    }
                  },
                  "type": "object",
                  "required": ["iss", "aud", "exp"],
                  "properties": {
                    "iss": {"type": "string"},
                    "aud": {"type": ["string", "array"], "items": {"type": "string"}},
                    "exp": {"type": "integer"},
                    "scope": {"type": "string"},
                    "roles": {"type": "array", "items": {"type": "string"}}
                  }
                }
                """);
    }

    /** {@link #minimal()} as {@code minimal-token@version}, as text (for a registry to serve). */
    public static String minimalText(String version) {
        ObjectNode document = minimal();
        document.put("$id", "https://tokencontract.dev/contracts/minimal-token/" + version);
        ((ObjectNode) document.get("x-contract")).put("version", version);
        return document.toPrettyString();
    }

    /** Parses JSON text into a tree (for building expected values). */
    public static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    /**
     * The {@code mcp-access-token} claims and typ rules, allowing exactly {@code algorithms}. Allowing HS*
     * beside RS* is a lint warning, not an error: a careless contract author can do it, so key binding must
     * hold even then.
     */
    public static Contract mcpAllowing(String name, String... algorithms) throws ContractException {
        ObjectNode document =
                (ObjectNode) Contracts.load("mcp-access-token@1.0.0").document();
        document.put("$id", "https://tokencontract.dev/contracts/" + name + "/1.0.0");
        ((ObjectNode) document.get("x-contract")).put("name", name);
        ArrayNode algs = ((ObjectNode) document.get("x-jose")).putArray("alg");
        for (String alg : algorithms) {
            algs.add(alg);
        }
        return Contracts.parse(document.toString());
    }
}
