package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.registry.internal.Json;
import dev.tokencontract.registry.store.StoredVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Stored contract documents read once per digest (stored content never changes): the pages show kind, owner and
 * the schema of many versions, and re-reading 256 KiB documents per request would make the list page slow.
 * Bounded: the least recently used documents are dropped past {@value #CAPACITY}.
 */
final class Facts {
    static final int CAPACITY = 4096;

    /** What the list shows of one version, its document, and the document pretty-printed (for the raw view). */
    record Doc(String kind, String owner, String description, JsonNode document, String pretty) {}

    private final Map<String, Doc> byDigest = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Doc> eldest) {
            return size() > CAPACITY;
        }
    });

    Doc of(StoredVersion version) {
        Doc doc = byDigest.get(version.digest());
        if (doc == null) {
            doc = read(version.content());
            byDigest.put(version.digest(), doc);
        }
        return doc;
    }

    private static Doc read(String content) {
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(content);
        } catch (JacksonException e) {
            document = Json.NODES.objectNode(); // stored versions passed lint; show what can be shown
        }
        JsonNode meta = document.path("x-contract");
        return new Doc(
                text(meta.get("kind")),
                text(meta.get("owner")),
                text(meta.get("description")),
                document,
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
