package dev.tokencontract.mcp.internal;

import dev.tokencontract.mcp.AuthorizationDecision;
import dev.tokencontract.mcp.CallerIdentity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One decision as one JSON line: the real user and tenant, never the token. */
public final class DecisionLine {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionLine() {}

    public static String json(AuthorizationDecision decision) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "mcp.authz");
        line.put("decision", decision.allowed() ? "allow" : "deny");
        line.put("reason", decision.reason().name());
        line.put("tool", decision.tool());
        CallerIdentity caller = decision.caller();
        line.put("sub", caller == null ? null : caller.subject());
        line.put("tenant", caller == null ? null : caller.tenant());
        line.put("actor", caller == null ? null : caller.actor().orElse(null));
        line.put("client_id", caller == null ? null : caller.clientId());
        if (!decision.missing().isEmpty()) {
            decision.missing().forEach(line.putArray("missing")::add);
        }
        if (decision.detail() != null) {
            line.put("detail", decision.detail());
        }
        return line.toString();
    }
}
