package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.registry.internal.Json;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** One OpenAPI operation, and the schemas, as HTML. */
final class ApiSections {
    private ApiSections() {}

    static void operation(Html html, JsonNode api, String method, String path, JsonNode op, String anchor) {
        html.open("section", "class", "operation", "id", anchor, "aria-labelledby", anchor + "-h");
        html.open("h2", "id", anchor + "-h")
                .element("code", method.toUpperCase(Locale.ROOT) + " " + path)
                .close("h2");
        html.element("p", Facts.text(op.get("summary")));
        if (op.has("description")) {
            html.element("p", Facts.text(op.get("description")), "class", "note");
        }
        html.open("p").text("Authorization: ").text(security(op)).close("p");
        JsonNode parameters = op.path("parameters");
        if (parameters.isArray() && !parameters.isEmpty()) {
            html.open("table", "class", "list")
                    .element("caption", "Parameters")
                    .open("thead")
                    .open("tr");
            for (String h : new String[] {"Name", "In", "Required", "Schema", "Description"}) {
                html.element("th", h, "scope", "col");
            }
            html.close("tr").close("thead").open("tbody");
            for (JsonNode p : parameters) {
                JsonNode parameter = ClaimRows.resolve(api, p, 0);
                html.open("tr").element("th", Facts.text(parameter.get("name")), "scope", "row", "class", "mono");
                html.element("td", Facts.text(parameter.get("in")));
                html.element("td", parameter.path("required").asBoolean(false) ? "required" : "optional");
                html.element("td", schema(parameter.path("schema")), "class", "mono");
                html.element("td", Facts.text(parameter.get("description"))).close("tr");
            }
            html.close("tbody").close("table");
        }
        JsonNode body = op.path("requestBody");
        if (body.isObject()) {
            html.open("p").text("Request body" + (body.path("required").asBoolean(false) ? " (required)" : "") + ": ");
            content(html, body.path("content"));
            html.text(" " + nullToEmpty(Facts.text(body.get("description")))).close("p");
        }
        html.open("table", "class", "list")
                .element("caption", "Responses")
                .open("thead")
                .open("tr");
        for (String h : new String[] {"Status", "Description", "Content"}) {
            html.element("th", h, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (var response : op.path("responses").properties()) {
            JsonNode r = ClaimRows.resolve(api, response.getValue(), 0);
            html.open("tr").element("th", response.getKey(), "scope", "row");
            html.element("td", Facts.text(r.get("description")));
            html.open("td");
            content(html, r.path("content"));
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
        html.close("section");
    }

    static void schemas(Html html, JsonNode schemas) {
        html.element("h2", "Schemas", "id", "schemas");
        for (var schema : schemas.properties()) {
            html.open("details", "id", "schema-" + schema.getKey());
            html.element("summary", schema.getKey());
            html.element(
                    "pre",
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema.getValue()),
                    "tabindex",
                    "0");
            html.close("details");
        }
    }

    private static void content(Html html, JsonNode content) {
        boolean first = true;
        for (var media : content.properties()) {
            if (!first) {
                html.text(", ");
            }
            first = false;
            html.element("code", media.getKey());
            String ref = Facts.text(media.getValue().path("schema").get("$ref"));
            if (ref != null && ref.startsWith("#/components/schemas/")) {
                String name = ref.substring("#/components/schemas/".length());
                html.text(" ").link("#schema-" + name, name);
            }
        }
    }

    private static String schema(JsonNode schema) {
        String ref = Facts.text(schema.get("$ref"));
        if (ref != null) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        String type = schema.has("type") ? schema.get("type").toString().replace("\"", "") : "any";
        return schema.has("enum") ? type + " " + schema.get("enum") : type;
    }

    private static String security(JsonNode op) {
        JsonNode security = op.get("security");
        if (security == null || !security.isArray() || security.isEmpty()) {
            return "none";
        }
        boolean anonymous = false;
        boolean bearer = false;
        for (JsonNode requirement : security) {
            anonymous |= requirement.isEmpty();
            bearer |= requirement.has("bearer");
        }
        return anonymous && bearer
                ? "optional bearer token (required with --require-read-token)"
                : bearer ? "bearer token" : "none";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
