package dev.tokencontract.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for the registry: one mapper, and the canonical form contracts are stored and served in. Canonical
 * form: object members sorted by name (Java string order, i.e. UTF-16 code units, as RFC 8785 JCS), no
 * insignificant whitespace, UTF-8, strings escaped as Jackson does, numbers as Jackson writes what it
 * parsed. The {@code ETag} and digest are the SHA-256 of these bytes.
 */
public final class Json {
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** The canonical text of a document. */
    public static String canonical(JsonNode node) {
        return MAPPER.writeValueAsString(sorted(node));
    }

    /** {@code sha-256:<lowercase hex>} of the UTF-8 bytes of {@code text}. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha-256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            ObjectNode copy = NODES.objectNode();
            members.forEach(m -> copy.set(m.getKey(), sorted(m.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.values().forEach(v -> copy.add(sorted(v)));
            return copy;
        }
        return node;
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
