package dev.tokencontract.mcp.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the {@code tools/call} requests in a JSON-RPC body (one message, or a batch from a 2025-03-26
 * client). Strict: a body that cannot be read unambiguously (invalid JSON, duplicate members, a
 * {@code tools/call} without a string tool name) is refused, so the filter and the SDK can never
 * disagree about which tool is called.
 */
public final class ToolCalls {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One JSON-RPC message of the body: its method (or null for a response), its id (null for a notification), the tool. */
    public record Message(String method, JsonNode id, String tool) {}

    /**
     * The messages of the body and the tool names called, or a problem (then both are empty).
     *
     * @param batch whether the body was a JSON array (a 2025-03-26 batch)
     */
    public record Parsed(
            List<Message> messages, List<String> tools, boolean batch, String problem, boolean parseError) {
        public boolean ok() {
            return problem == null;
        }

        static Parsed problem(String problem, boolean parseError) {
            return new Parsed(List.of(), List.of(), false, problem, parseError);
        }
    }

    private ToolCalls() {}

    public static Parsed read(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Parsed.problem("the body is not one JSON document", true);
        }
        if (root == null || root.isMissingNode()) {
            return Parsed.problem("the body is empty", true);
        }
        List<JsonNode> messages = new ArrayList<>();
        if (root.isArray()) {
            root.values().forEach(messages::add);
            if (messages.isEmpty()) {
                return Parsed.problem("an empty batch", false);
            }
        } else {
            messages.add(root);
        }
        List<String> tools = new ArrayList<>();
        List<Message> parsed = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                return Parsed.problem("a JSON-RPC message must be an object", false);
            }
            JsonNode method = message.get("method");
            if (method != null && !method.isString()) {
                return Parsed.problem("'method' must be a string", false);
            }
            if (method != null && method.stringValue().equals("tools/call")) {
                JsonNode name = message.path("params").get("name");
                if (name == null || !name.isString() || name.stringValue().isEmpty()) {
                    return Parsed.problem("tools/call without a tool name", false);
                }
                tools.add(name.stringValue());
            }
            JsonNode id = message.get("id");
            parsed.add(new Message(
                    method == null ? null : method.stringValue(),
                    id == null || id.isNull() ? null : id,
                    method != null && method.stringValue().equals("tools/call")
                            ? message.path("params").get("name").stringValue()
                            : null));
        }
        return new Parsed(List.copyOf(parsed), List.copyOf(tools), root.isArray(), null, false);
    }
}
