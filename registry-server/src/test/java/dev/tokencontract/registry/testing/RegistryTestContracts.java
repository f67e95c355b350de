package dev.tokencontract.registry.testing;

import dev.tokencontract.testing.TestContracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Versions of {@link TestContracts#minimalText} that the real registry judges differently: a breaking change and
 * an authorization widening. Pretty-printed text, as a person would publish it.
 */
public final class RegistryTestContracts {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryTestContracts() {}

    /** minimal-token whose {@code roles} may hold only these values (adding one widens authorization). */
    public static String withRoles(String version, String... roles) {
        ObjectNode document = minimal(version);
        ObjectNode items =
                (ObjectNode) document.path("properties").path("roles").path("items");
        items.removeAll();
        ArrayNode allowed = items.putArray("enum");
        for (String role : roles) {
            allowed.add(role);
        }
        return document.toPrettyString();
    }

    /** minimal-token with {@code tenant_id} required: breaks consumers of earlier versions' tokens. */
    public static String requiringTenant(String version) {
        ObjectNode document = minimal(version);
        ((ObjectNode) document.path("properties")).putObject("tenant_id").put("type", "string");
        document.withArray("required").add("tenant_id");
        return document.toPrettyString();
    }

    private static ObjectNode minimal(String version) {
        return (ObjectNode) JSON.readTree(TestContracts.minimalText(version));
    }
}
