package dev.tokencontract.mcp.internal;

import java.util.Collection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The RFC 9728 protected resource metadata document. */
public final class MetadataDocument {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetadataDocument() {}

    public static String json(
            String resource, Collection<String> authorizationServers, Collection<String> scopes, String resourceName) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("resource", resource);
        authorizationServers.forEach(doc.putArray("authorization_servers")::add);
        scopes.forEach(doc.putArray("scopes_supported")::add);
        doc.putArray("bearer_methods_supported").add("header");
        if (resourceName != null) {
            doc.put("resource_name", resourceName);
        }
        return doc.toPrettyString();
    }
}
