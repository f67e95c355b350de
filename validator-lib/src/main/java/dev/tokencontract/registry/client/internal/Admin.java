package dev.tokencontract.registry.client.internal;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.registry.client.AdminResult;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's administrative writes ({@code PUT .../config}, {@code PUT .../versions/{v}/state}) and the
 * list of contract names ({@code GET /contracts}).
 */
public final class Admin {
    /** At most this many names are read from {@code GET /contracts} (suggestions need no more). */
    static final int MAX_NAMES = 10_000;

    private Admin() {}

    public static AdminResult setMode(RegistryHttp http, URI base, String name, String mode, String token)
            throws RegistryException {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("mode", mode);
        URI uri = URI.create(base + "/contracts/" + checkedName(name) + "/config");
        JsonNode answer = put(http, uri, body, token, "set the mode of " + name + " to " + Redact.value(mode));
        return new AdminResult(name, null, "mode", text(answer, "mode", mode));
    }

    public static AdminResult setState(
            RegistryHttp http, URI base, String name, String version, String state, String token)
            throws RegistryException {
        ContractRef ref = exact(name, version);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("state", state);
        URI uri = URI.create(base + "/contracts/" + ref.name() + "/versions/" + ref.version() + "/state");
        JsonNode answer = put(http, uri, body, token, "set the state of " + ref + " to " + Redact.value(state));
        return new AdminResult(ref.name(), ref.version(), "state", text(answer, "state", state));
    }

    /** The names of the contracts the registry holds, in its order. */
    public static List<String> names(RegistryHttp http, URI base) throws RegistryException {
        RegistryHttp.Response response = http.get(URI.create(base + "/contracts"), null);
        if (response.status() >= 500) {
            throw new RegistryException(
                    Kind.UNREACHABLE,
                    "registry " + base + " answered HTTP " + response.status() + " to the list of contracts",
                    Problems.from(response),
                    List.of());
        }
        if (response.status() != 200) {
            throw new RegistryException(
                    Kind.REFUSED,
                    "the registry refused the list of contracts (HTTP " + response.status() + ")",
                    Problems.from(response),
                    List.of());
        }
        StrictJson.Parsed parsed = StrictJson.parse(new String(response.body(), StandardCharsets.UTF_8));
        if (!parsed.ok() || !parsed.node().path("contracts").isArray()) {
            throw new RegistryException(Kind.BAD_RESPONSE, "the list of contracts is not {\"contracts\": [...]}");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode entry : parsed.node().path("contracts").values()) {
            String name = entry.path("name").isString() ? entry.path("name").stringValue() : null;
            if (ContractRef.validName(name) && names.size() < MAX_NAMES) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static JsonNode put(RegistryHttp http, URI uri, ObjectNode body, String token, String what)
            throws RegistryException {
        RegistryHttp.Response response = http.put(uri, body.toString().getBytes(StandardCharsets.UTF_8), token);
        int status = response.status();
        if (status == 200) {
            StrictJson.Parsed parsed = StrictJson.parse(new String(response.body(), StandardCharsets.UTF_8));
            return parsed.ok() ? parsed.node() : JsonNodeFactory.instance.objectNode();
        }
        if (status >= 300 && status < 400) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry redirected the request to " + what + " (HTTP " + status
                            + "); not followed, so the token goes only to the URL given. Use the registry's final URL.");
        }
        if (status == 404) {
            throw new RegistryException(
                    Kind.NOT_FOUND,
                    "cannot " + what + ": the registry has no such contract or version (HTTP 404)",
                    Problems.from(response),
                    List.of());
        }
        if (status >= 500) {
            throw new RegistryException(
                    Kind.UNREACHABLE,
                    "the registry failed to " + what + " (HTTP " + status + ")",
                    Problems.from(response),
                    List.of());
        }
        throw new RegistryException(
                Kind.REFUSED,
                "the registry refused to " + what + " (HTTP " + status + ")",
                Problems.from(response),
                List.of());
    }

    private static String checkedName(String name) throws RegistryException {
        if (!ContractRef.validName(name)) {
            throw new RegistryException(
                    Kind.INVALID_REFERENCE,
                    "'" + Redact.value(String.valueOf(name))
                            + "' is not a contract name: lower-case words joined by '.' or '-'");
        }
        return name;
    }

    private static ContractRef exact(String name, String version) throws RegistryException {
        checkedName(name);
        try {
            return ContractRef.exact(name, version);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    Kind.INVALID_REFERENCE,
                    "'" + Redact.value(name + "@" + version) + "': a state is set on one exact version (like 1.2.0)");
        }
    }

    private static String text(JsonNode answer, String field, String fallback) {
        return answer.path(field).isString() ? answer.path(field).stringValue() : fallback;
    }
}
