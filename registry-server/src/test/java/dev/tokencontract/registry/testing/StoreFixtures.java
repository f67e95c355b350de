package dev.tokencontract.registry.testing;

import dev.tokencontract.registry.store.NewVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Versions to publish in tests, with a real {@code sha-256:} digest of their content. */
public final class StoreFixtures {
    /** A fixed publication time with microsecond precision (what the store keeps). */
    public static final Instant PUBLISHED_AT = Instant.parse("2026-11-27T01:02:03.456789Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoreFixtures() {}

    public static NewVersion newVersion(String name, String version, String content) {
        return new NewVersion(name, version, content, digest(content), "publisher-1", PUBLISHED_AT);
    }

    /** A small contract document whose content differs by {@code marker}. */
    public static String content(String marker) {
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("title", marker);
        document.put("type", "object");
        return JSON.writeValueAsString(document);
    }

    public static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha-256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
