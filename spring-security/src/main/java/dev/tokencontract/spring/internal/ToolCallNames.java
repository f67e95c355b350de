package dev.tokencontract.spring.internal;

import dev.tokencontract.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The tools a JSON-RPC body calls (one message or a batch). Strict, like the servlet filter's reader: invalid
 * JSON, duplicate members or a {@code tools/call} without a string name is a problem, so this filter and the
 * MCP transport can never disagree about which tool is called.
 */
public final class ToolCallNames {
    /**
     * @param tools    the tool names called, in order
     * @param messages every message, for answering a batch
     * @param batch    whether the body was a JSON-RPC batch
     */
    public record Parsed(
            List<String> tools, List<Message> messages, boolean batch, String problem, boolean parseError) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** One JSON-RPC message: its method and id ({@code null} for notifications and responses), the tool it calls. */
    public record Message(String method, JsonNode id, String tool) {}

    private static Parsed problem(String problem, boolean parseError) {
        return new Parsed(List.of(), List.of(), false, problem, parseError);
    }

    private ToolCallNames() {}

    public static Parsed read(byte[] body) {
        StrictJson.Parsed parsed = StrictJson.parse(new String(body, StandardCharsets.UTF_8));
        if (!parsed.ok()) {
            return problem("the body is not one JSON document (" + parsed.problem() + ")", true);
        }
        JsonNode root = parsed.node();
        List<JsonNode> messages = new ArrayList<>();
        if (root.isArray()) {
            root.values().forEach(messages::add);
            if (messages.isEmpty()) {
                return problem("an empty batch", false);
            }
        } else {
            messages.add(root);
        }
        List<String> tools = new ArrayList<>();
        List<Message> read = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                return problem("a JSON-RPC message must be an object", false);
            }
            JsonNode method = message.get("method");
            if (method != null && !method.isString()) {
                return problem("'method' must be a string", false);
            }
            String tool = null;
            if (method != null && method.stringValue().equals("tools/call")) {
                JsonNode name = message.path("params").get("name");
                if (name == null || !name.isString() || name.stringValue().isEmpty()) {
                    return problem("tools/call without a tool name", false);
                }
                tool = name.stringValue();
                tools.add(tool);
            }
            read.add(new Message(method == null ? null : method.stringValue(), message.get("id"), tool));
        }
        return new Parsed(tools, read, root.isArray(), null, false);
    }
}
