package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.registry.internal.Services;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /ui/admin}: the audit log and the compatibility modes, for a caller with an admin token. The page itself
 * holds nothing secret and changes nothing: {@code admin.js} keeps the token in this tab's {@code sessionStorage}
 * (never a cookie, never a URL: the token field has no {@code name}, so even a script-less submit sends nothing)
 * and calls {@code GET /audit} and {@code PUT /contracts/{name}/config} with {@code Authorization: Bearer}. A wrong
 * token shows the API's own 401/403 problem.
 */
final class AdminPage {
    private final Services services;

    AdminPage(Services services) {
        this.services = services;
    }

    void render(Context ctx) {
        services.readAccess(ctx);
        List<String> names = services.store.names();
        Page page = new Page("Admin", Page.Section.ADMIN, List.of("admin.js"), html -> {
            html.element(
                    "p",
                    "Reading the audit log and changing a mode need a token with scope contracts:admin. It is kept in"
                            + " this tab's session storage only and sent to this registry's JSON API; closing the tab"
                            + " forgets it.",
                    "class",
                    "note");
            html.element("noscript", "These tools need JavaScript: the calls go to the JSON API with your token.");
            token(html);
            audit(html);
            mode(html, names);
        });
        UiRoutes.html(ctx, 200, Layout.render(page));
    }

    private static void token(Html html) {
        html.open("section", "aria-labelledby", "token-heading");
        html.element("h2", "Admin token", "id", "token-heading");
        html.open("form", "id", "token-form", "class", "field", "action", "/ui/admin");
        html.element("label", "Bearer token", "for", "admin-token");
        html.empty(
                "input",
                "type",
                "password",
                "id",
                "admin-token",
                "autocomplete",
                "off",
                "spellcheck",
                "false",
                "aria-describedby",
                "token-status");
        html.element("button", "Use token", "type", "submit");
        html.element("button", "Forget token", "type", "button", "class", "secondary", "id", "forget-token");
        html.close("form");
        html.element("p", "", "id", "token-status", "class", "status", "role", "status");
        html.close("section");
    }

    private static void audit(Html html) {
        html.open("section", "aria-labelledby", "audit-heading");
        html.element("h2", "Audit log", "id", "audit-heading");
        html.open("form", "id", "audit-form", "class", "field", "action", "/ui/admin");
        html.element("label", "Newest entries", "for", "audit-limit");
        html.empty("input", "type", "number", "id", "audit-limit", "min", "1", "max", "1000", "value", "100");
        html.element("button", "Load audit log", "type", "submit");
        html.close("form");
        html.element("p", "", "id", "audit-status", "class", "status", "role", "status");
        html.open("table", "class", "list", "id", "audit-table", "aria-labelledby", "audit-heading", "hidden", "");
        html.open("thead").open("tr");
        for (String heading : List.of("At", "Action", "Caller", "Client", "Contract", "Version", "Result")) {
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead").element("tbody", "").close("table");
        html.close("section");
    }

    private static void mode(Html html, List<String> names) {
        html.open("section", "aria-labelledby", "mode-heading");
        html.element("h2", "Compatibility mode", "id", "mode-heading");
        if (names.isEmpty()) {
            html.element("p", "No contract is published yet.", "class", "note");
            html.close("section");
            return;
        }
        html.open("form", "id", "mode-form", "class", "field", "action", "/ui/admin");
        html.element("label", "Contract", "for", "mode-contract");
        html.open("select", "id", "mode-contract");
        names.forEach(name -> html.element("option", name, "value", name));
        html.close("select");
        html.element("label", "Mode", "for", "mode-value");
        html.open("select", "id", "mode-value");
        for (CompatibilityMode mode : CompatibilityMode.values()) {
            html.element("option", mode.name(), "value", mode.name());
        }
        html.close("select");
        html.element("button", "Set mode", "type", "submit");
        html.close("form");
        html.element("p", "", "id", "mode-status", "class", "status", "role", "status");
        html.close("section");
    }
}
