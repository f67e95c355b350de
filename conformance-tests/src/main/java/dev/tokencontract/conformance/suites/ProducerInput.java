package dev.tokencontract.conformance.suites;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a producer is asked to mint a token for: a user, a tenant, roles. Sent to commands and HTTP token
 * endpoints as {@code {"sub": ..., "tenant_id": ..., "roles": [...]}}.
 */
public record ProducerInput(String sub, String tenantId, List<String> roles) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProducerInput {
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(tenantId, "tenantId");
        roles = List.copyOf(roles);
    }

    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode().put("sub", sub).put("tenant_id", tenantId);
        roles.forEach(node.putArray("roles")::add);
        return node;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
