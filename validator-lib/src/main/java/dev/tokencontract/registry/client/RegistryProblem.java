package dev.tokencontract.registry.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An error answer of the registry, an RFC 7807 {@code application/problem+json} document, read leniently:
 * every field may be absent. {@link #body()} is the whole document (a copy), for tools that want the
 * {@code changes} or {@code findings} arrays as sent.
 *
 * @param status the HTTP status of the answer
 * @param type   the problem type URI; may be {@code null}
 * @param title  short summary; may be {@code null}
 * @param detail explanation of this occurrence; may be {@code null}
 * @param code   the registry's stable error code; may be {@code null}
 * @param body   the document as sent, or an empty object when the answer was not problem JSON
 */
public record RegistryProblem(int status, String type, String title, String detail, String code, JsonNode body) {

    public RegistryProblem {
        body = body == null ? null : body.deepCopy();
    }

    @Override
    public JsonNode body() {
        return body == null ? null : body.deepCopy();
    }

    /** The {@code changes} of a refused publish (409), one entry per classified change. */
    public List<JsonNode> changes() {
        return array("changes");
    }

    /**
     * The {@code counterexamples} of a refused publish (409): claim sets that one version accepts and the other
     * rejects, each with {@code against}, {@code direction}, {@code pointer}, {@code rule}, {@code seed}, {@code claims}.
     */
    public List<JsonNode> counterexamples() {
        return array("counterexamples");
    }

    /** The lint {@code findings} of a refused publish (422). */
    public List<JsonNode> findings() {
        return array("findings");
    }

    private List<JsonNode> array(String field) {
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.path(field).isArray()) {
            body.path(field).values().forEach(item -> items.add(item.deepCopy()));
        }
        return items;
    }
}
