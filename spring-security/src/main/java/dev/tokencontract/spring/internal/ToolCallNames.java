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
    public record Parsed(List<String> tools, String problem, boolean parseError) {
        public boolean ok() {
            return problem == null;
        }
    }

    private ToolCallNames() {}

    public static Parsed read(byte[] body) {
        StrictJson.Parsed parsed = StrictJson.parse(new String(body, StandardCharsets.UTF_8));
        if (!parsed.ok()) {
            return new Parsed(List.of(), "the body is not one JSON document (" + parsed.problem() + ")", true);
        }
        JsonNode root = parsed.node();
        List<JsonNode> messages = new ArrayList<>();
        if (root.isArray()) {
            root.values().forEach(messages::add);
            if (messages.isEmpty()) {
                return new Parsed(List.of(), "an empty batch", false);
            }
        } else {
            messages.add(root);
        }
        List<String> tools = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                return new Parsed(List.of(), "a JSON-RPC message must be an object", false);
            }
            JsonNode method = message.get("method");
            if (method != null && !method.isString()) {
                return new Parsed(List.of(), "'method' must be a string", false);
            }
            if (method != null && method.stringValue().equals("tools/call")) {
                JsonNode name = message.path("params").get("name");
                if (name == null || !name.isString() || name.stringValue().isEmpty()) {
                    return new Parsed(List.of(), "tools/call without a tool name", false);
                }
                tools.add(name.stringValue());
            }
        }
        return new Parsed(tools, null, false);
    }
}
