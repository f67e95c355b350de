package dev.tokencontract.spring.internal;

import dev.tokencontract.json.StrictJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC answers (HTTP 200) for tool calls no new scope could allow, as the servlet filter of
 * {@code mcp-integration} gives them: a tool the contract does not list gets the spec's unknown-tool error
 * ({@code -32602 Unknown tool: NAME}); a missing role gets a tool error result naming the role, so no client starts
 * a step-up sign-in it cannot win. In a batch, every other request gets an error saying it was not executed.
 */
public final class ToolDenialAnswers {
    public static final int UNKNOWN_TOOL = -32602;
    public static final int NOT_EXECUTED = -32000;

    /** How one denied call is answered: {@code roles} empty means the tool is not in the contract. */
    public record Denial(String tool, List<String> roles) {}

    private ToolDenialAnswers() {}

    /** One response for a single message, an array for a batch; empty when nothing needs an answer. */
    public static String answer(ToolCallNames.Parsed parsed, Map<Integer, Denial> denials) {
        ArrayNode batch = StrictJson.mapper().createArrayNode();
        for (int i = 0; i < parsed.messages().size(); i++) {
            ToolCallNames.Message message = parsed.messages().get(i);
            if (message.id() == null || message.method() == null) {
                continue; // notifications and responses get no answer
            }
            Denial denial = denials.get(i);
            ObjectNode response = batch.addObject();
            response.put("jsonrpc", "2.0");
            response.set("id", message.id());
            if (denial != null && denial.roles().isEmpty()) {
                response.putObject("error").put("code", UNKNOWN_TOOL).put("message", "Unknown tool: " + denial.tool());
            } else if (denial != null) {
                ObjectNode result = response.putObject("result");
                result.putArray("content")
                        .addObject()
                        .put("type", "text")
                        .put(
                                "text",
                                "denied: " + denial.tool() + " needs role " + String.join(", ", denial.roles())
                                        + "; roles come from the user's account, not from a new sign-in or more scopes");
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
}
