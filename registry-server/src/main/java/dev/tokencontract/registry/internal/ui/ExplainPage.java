package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.registry.ExplainLimits;
import dev.tokencontract.registry.internal.ExplainRoute;
import dev.tokencontract.registry.internal.ExplainService;
import dev.tokencontract.registry.internal.Services;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.validator.KeySource;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /ui/explain[?contract=NAME&version=V]}: paste a token, pick a token contract and version, issuer,
 * audience and a key source; {@code explain.js} posts it to {@value ExplainRoute#PATH} and shows the report
 * (verdict, every finding, the decoded header and claims marked untrusted until verified). The page itself holds
 * no token: it is rendered from the store only.
 */
final class ExplainPage {
    private final Services services;
    private final Facts facts;

    ExplainPage(Services services, Facts facts) {
        this.services = services;
        this.facts = facts;
    }

    void render(Context ctx) {
        services.readAccess(ctx);
        List<String> contracts = tokenContracts();
        String chosen = contracts.contains(ctx.queryParam("contract")) ? ctx.queryParam("contract") : null;
        String version = version(ctx.queryParam("version"));
        ExplainService explain = services.explain();
        Page page = new Page("Explain a token", Page.Section.EXPLAIN, List.of("explain.js"), html -> {
            privacy(html, explain.limits());
            html.open("noscript")
                    .element(
                            "p",
                            "This page needs JavaScript to send the token; or use: tokencontract explain.",
                            "class",
                            "error")
                    .close("noscript");
            form(html, contracts, chosen, version, explain.trustedKeys());
            html.open("section", "id", "result", "aria-live", "polite", "aria-labelledby", "result-heading");
            html.element("h2", "Result", "id", "result-heading", "hidden", "");
            html.element("p", "", "id", "explain-status", "class", "status", "role", "status");
            html.close("section");
        });
        UiRoutes.html(ctx, 200, Layout.render(page));
    }

    private static void privacy(Html html, ExplainLimits limits) {
        html.element(
                "p",
                "The token is sent only to this registry (POST " + ExplainRoute.PATH + "), judged in memory and "
                        + "answered; it is never logged, stored or cached, not even by this page. Requests are "
                        + "limited to " + ExplainRoute.MAX_BODY_BYTES / 1024 + " KiB and " + limits.perMinute()
                        + " a minute per address. Keys come from the registry's trusted set or the public JWK set "
                        + "you paste, never from the token itself (jku, x5u and embedded jwk are not followed).",
                "id",
                "explain-privacy",
                "class",
                "note");
    }

    private static void form(Html html, List<String> contracts, String chosen, String version, KeySource trusted) {
        html.open("form", "id", "explain-form", "method", "post", "action", ExplainRoute.PATH, "autocomplete", "off");
        html.open("div", "class", "field stack");
        html.element("label", "Token", "for", "explain-token");
        html.element(
                "textarea",
                "",
                "id",
                "explain-token",
                "rows",
                "6",
                "required",
                "",
                "spellcheck",
                "false",
                "autocomplete",
                "off",
                "aria-describedby",
                "explain-privacy",
                "placeholder",
                "eyJhbGciOi... (a leading 'Bearer ' is removed)");
        html.close("div");
        html.open("div", "class", "field");
        html.element("label", "Contract", "for", "explain-contract");
        html.open("select", "id", "explain-contract", "required", "");
        for (String name : contracts) {
            html.element("option", name, "value", name, "selected", name.equals(chosen) ? "" : null);
        }
        html.close("select");
        html.element("label", "Version", "for", "explain-version");
        html.open("select", "id", "explain-version", "data-initial", version);
        html.element("option", "latest", "value", "latest");
        html.close("select");
        html.close("div");
        html.open("div", "class", "field");
        html.element("label", "Issuer", "for", "explain-issuer");
        html.empty(
                "input",
                "type",
                "text",
                "id",
                "explain-issuer",
                "maxlength",
                "2048",
                "size",
                "40",
                "placeholder",
                "not checked when empty");
        html.element("label", "Audience", "for", "explain-audience");
        html.empty(
                "input",
                "type",
                "text",
                "id",
                "explain-audience",
                "maxlength",
                "2048",
                "size",
                "40",
                "placeholder",
                "not checked when empty");
        html.element("label", "As of", "for", "explain-at");
        html.empty(
                "input",
                "type",
                "text",
                "id",
                "explain-at",
                "maxlength",
                "40",
                "size",
                "24",
                "placeholder",
                "now, or 2026-11-26T00:30:00Z");
        html.close("div");
        keys(html, trusted);
        html.element("button", "Explain", "type", "submit", "id", "explain-submit");
        html.close("form");
    }

    private static void keys(Html html, KeySource trusted) {
        html.open("fieldset", "id", "explain-keys");
        html.element("legend", "Keys");
        html.open("div");
        html.empty("input", "type", "radio", "name", "keys", "id", "keys-trusted", "value", "trusted", "checked", "");
        html.element("label", "The registry's trusted keys: " + trusted.description(), "for", "keys-trusted");
        html.close("div");
        html.open("div");
        html.empty("input", "type", "radio", "name", "keys", "id", "keys-pasted", "value", "pasted");
        html.element("label", "A public JWK set I paste", "for", "keys-pasted");
        html.close("div");
        html.open("div", "class", "field stack", "id", "explain-jwks-field", "hidden", "");
        html.element("label", "Public JWK set", "for", "explain-jwks");
        html.element(
                "textarea",
                "",
                "id",
                "explain-jwks",
                "rows",
                "5",
                "spellcheck",
                "false",
                "autocomplete",
                "off",
                "placeholder",
                "{\"keys\": [...]} (public keys only: a private key is refused)");
        html.element("label", "Algorithm for keys without \"alg\"", "for", "explain-alg");
        html.empty(
                "input",
                "type",
                "text",
                "id",
                "explain-alg",
                "maxlength",
                "10",
                "size",
                "8",
                "placeholder",
                "e.g. RS256");
        html.close("div");
        html.close("fieldset");
    }

    /** Names of token contracts (not IdP metadata), newest version's kind deciding. */
    private List<String> tokenContracts() {
        List<String> names = new ArrayList<>();
        for (String name : services.store.names()) {
            List<StoredVersion> versions = services.served.versions(name);
            if (versions.isEmpty()) {
                continue;
            }
            String kind = facts.of(versions.get(versions.size() - 1)).kind();
            if (kind == null || kind.equals(ContractKind.JWT_ACCESS_TOKEN.id())) {
                names.add(name);
            }
        }
        return names;
    }

    private static String version(String text) {
        return text == null || text.isBlank() || text.length() > 64 ? "latest" : text.strip();
    }
}
