package dev.tokencontract.registry.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Contract documents for API tests: the smallest lint-clean token contract, with a name and version. */
final class Contracts {
    private Contracts() {}

    static ObjectNode node(String name, String version) {
        return (ObjectNode) Registry.JSON.readTree("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://tokencontract.dev/contracts/%1$s/%2$s",
                  "x-contract": {"name": "%1$s", "version": "%2$s", "kind": "jwt-access-token", "owner": "identity-team"},
                  "x-jose": {"alg": ["RS256"], "typ": ["at+jwt", "application/at+jwt"]},
                  "type": "object",
                  "required": ["iss", "aud", "exp"],
                  "properties": {
                    "iss": {"type": "string", "format": "uri"},
                    "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1, "items": {"type": "string", "minLength": 1}},
                    "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799},
                    "roles": {"type": "array", "items": {"enum": ["reader", "writer"]}}
                  }
                }
                """.formatted(name, version));
    }

    static String of(String name, String version) {
        return node(name, version).toString();
    }

    /** The same contract with a description changed (cosmetic). */
    static String described(String name, String version, String description) {
        ObjectNode node = node(name, version);
        node.put("description", description);
        return node.toString();
    }

    /** The contract with the roles enum widened by {@code role} (authorization widening). */
    static String withRole(String name, String version, String role) {
        ObjectNode node = node(name, version);
        ((tools.jackson.databind.node.ArrayNode)
                        node.path("properties").path("roles").path("items").path("enum"))
                .add(role);
        return node.toString();
    }

    /** The contract with {@code tenant_id} required (breaks consumers of older versions' tokens). */
    static String requiringTenant(String name, String version) {
        ObjectNode node = node(name, version);
        ((ObjectNode) node.path("properties")).putObject("tenant_id").put("type", "string");
        ((tools.jackson.databind.node.ArrayNode) node.path("required")).add("tenant_id");
        return node.toString();
    }

    static String nameOf(String contract) {
        JsonNode node = Registry.JSON.readTree(contract);
        return node.path("x-contract").path("name").asString();
    }
}
