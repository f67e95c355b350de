package dev.tokencontract.registry.client.internal;

import dev.tokencontract.json.StrictJson;
import dev.tokencontract.registry.client.RegistryProblem;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Reads an error answer as an RFC 7807 problem; anything else becomes a problem with just the status. */
public final class Problems {
    private Problems() {}

    public static RegistryProblem from(RegistryHttp.Response response) {
        StrictJson.Parsed parsed = StrictJson.parse(new String(response.body(), StandardCharsets.UTF_8));
        JsonNode body = parsed.ok() && parsed.node().isObject() ? parsed.node() : JsonNodeFactory.instance.objectNode();
        return new RegistryProblem(
                response.status(),
                text(body, "type"),
                text(body, "title"),
                text(body, "detail"),
                text(body, "code"),
                body);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
