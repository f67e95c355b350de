package dev.tokencontract.mcp.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC answers for tool calls that no new scope could allow: a tool the contract does not list gets the
 * spec's unknown-tool error ({@code -32602 Unknown tool: NAME}); a missing role gets a tool error result naming
 * the role (the model sees why; a client does not start a sign-in it cannot win). In a batch, every other
 * request gets an error saying it was not executed.
 */
public final class ToolDenials {
    /** The MCP spec's code for an unknown tool (JSON-RPC invalid params). */
    public static final int UNKNOWN_TOOL = -32602;
    /** A request of a batch that was not executed because another call in it was denied. */
    public static final int NOT_EXECUTED = -32000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How one denied call is answered. */
    public sealed interface Denial {}

    /** The tool is not in the contract. */
    public record UnknownTool(String tool) implements Denial {}

    /** The caller lacks roles (and maybe scopes as well). */
    public record RoleMissing(String tool, List<String> missing) implements Denial {}

    private ToolDenials() {}

    /**
     * The body to send with HTTP 200: one response for a single message, an array for a batch.
     *
     * @param denials per message index in {@code parsed.messages()}, the denial to answer
     */
    public static String answer(ToolCalls.Parsed parsed, Map<Integer, Denial> denials) {
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < parsed.messages().size(); i++) {
            ToolCalls.Message message = parsed.messages().get(i);
            if (message.id() == null || message.method() == null) {
                continue; // notifications and responses get no answer
            }
            Denial denial = denials.get(i);
            ObjectNode response = batch.addObject();
            response.put("jsonrpc", "2.0");
            response.set("id", message.id());
            if (denial instanceof UnknownTool unknown) {
                response.putObject("error").put("code", UNKNOWN_TOOL).put("message", "Unknown tool: " + unknown.tool());
            } else if (denial instanceof RoleMissing role) {
                ObjectNode result = response.putObject("result");
                result.putArray("content").addObject().put("type", "text").put("text", roleText(role));
                result.put("isError", true);
            } else {
                response.putObject("error")
                        .put("code", NOT_EXECUTED)
                        .put("message", "not executed: another call in this batch was denied");
            }
        }
        JsonNode body = parsed.batch() ? batch : batch.get(0);
        return body == null ? "" : body.toString();
    }

    static String roleText(RoleMissing role) {
        List<String> roles = role.missing().stream()
                .filter(m -> m.startsWith("role:"))
                .map(m -> m.substring(5))
                .toList();
        return "denied: " + role.tool() + " needs role " + String.join(", ", roles)
                + "; roles come from the user's account, not from a new sign-in or more scopes";
    }
}
