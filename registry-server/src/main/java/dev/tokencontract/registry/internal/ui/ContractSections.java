package dev.tokencontract.registry.internal.ui;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The tables of a contract page read from its document: claims, {@code x-jose}, {@code x-authorization}. */
final class ContractSections {
    private ContractSections() {}

    static void claims(Html html, JsonNode document) {
        html.element("h2", "Claims", "id", "claims");
        List<ClaimRows.Claim> claims = ClaimRows.of(document);
        if (claims.isEmpty()) {
            html.element("p", "The schema declares no properties.", "class", "note");
            return;
        }
        html.open("table", "class", "list", "id", "claims-table", "aria-labelledby", "claims");
        header(html, "Claim", "Type", "Required", "Constraints", "Description");
        html.open("tbody");
        for (ClaimRows.Claim claim : claims) {
            html.open("tr");
            html.element("th", claim.name(), "scope", "row", "class", "mono");
            html.element("td", claim.type());
            html.element("td", claim.required() ? "required" : "optional");
            html.open("td");
            list(html, claim.constraints());
            html.close("td");
            html.element("td", claim.description());
            html.close("tr");
        }
        html.close("tbody").close("table");
        JsonNode additional = document.get("additionalProperties");
        if (additional != null) {
            html.element(
                    "p",
                    "Other claims: " + (additional.isBoolean() && !additional.asBoolean() ? "refused" : additional),
                    "class",
                    "note");
        }
    }

    static void jose(Html html, JsonNode jose) {
        html.element("h2", "JOSE header (x-jose)", "id", "jose");
        if (!jose.isObject()) {
            html.element("p", "This contract has no x-jose rules.", "class", "note");
            return;
        }
        html.open("table", "class", "list", "id", "jose-table", "aria-labelledby", "jose");
        header(html, "Rule", "Value");
        html.open("tbody");
        for (var member : jose.properties()) {
            html.open("tr").element("th", member.getKey(), "scope", "row", "class", "mono");
            html.element("td", show(member.getValue())).close("tr");
        }
        html.close("tbody").close("table");
    }

    static void authorization(Html html, JsonNode authorization) {
        html.element("h2", "Authorization (x-authorization)", "id", "authorization");
        if (!authorization.isObject()) {
            html.element("p", "This contract has no x-authorization rules.", "class", "note");
            return;
        }
        html.open("p")
                .text("Scopes are read from ")
                .element("code", text(authorization.get("scopeClaim"), "scope"))
                .text(", roles from ")
                .element("code", text(authorization.get("rolesClaim"), "roles"))
                .text(".")
                .close("p");
        JsonNode operations = authorization.path("operations");
        if (!operations.isObject() || operations.isEmpty()) {
            html.element("p", "No operations are listed.", "class", "note");
            return;
        }
        html.open("table", "class", "list", "id", "authorization-table", "aria-labelledby", "authorization");
        header(html, "Operation", "Scopes", "Roles", "Description");
        html.open("tbody");
        for (var operation : operations.properties()) {
            JsonNode rule = operation.getValue();
            html.open("tr").element("th", operation.getKey(), "scope", "row", "class", "mono");
            html.open("td");
            list(html, strings(rule.path("scopes")));
            html.close("td").open("td");
            list(html, strings(rule.path("roles")));
            html.close("td");
            html.element("td", text(rule.get("description"), null));
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void header(Html html, String... headings) {
        html.open("thead").open("tr");
        for (String heading : headings) {
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead");
    }

    private static void list(Html html, List<String> items) {
        if (items.isEmpty()) {
            html.text("—");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                html.empty("br");
            }
            html.element("code", items.get(i));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
        return out;
    }

    private static String show(JsonNode value) {
        if (value.isArray()) {
            return String.join(", ", strings(value));
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static String text(JsonNode node, String fallback) {
        return node != null && node.isString() ? node.asString() : fallback;
    }
}
