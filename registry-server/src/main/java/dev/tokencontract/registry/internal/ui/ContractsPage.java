package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.registry.internal.Services;
import dev.tokencontract.registry.internal.VersionResolver;
import dev.tokencontract.registry.store.StoredVersion;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /ui/contracts[?q=text]}: every contract with kind, owner, latest version, its state and the
 * compatibility mode. {@code contracts.js} filters the rows as one types; without script the form filters on
 * the server. Reads what {@code GET /contracts} reads (names, cached version lists) plus cached documents.
 */
final class ContractsPage {
    static final int MAX_QUERY = 200;

    private final Services services;
    private final Facts facts;

    ContractsPage(Services services, Facts facts) {
        this.services = services;
        this.facts = facts;
    }

    void render(Context ctx) {
        services.readAccess(ctx);
        String query = query(ctx.queryParam("q"));
        List<String> names = services.store.names();
        Page page = new Page("Contracts", Page.Section.CONTRACTS, List.of("contracts.js"), html -> {
            html.open("form", "class", "search", "role", "search", "method", "get", "action", "/ui/contracts");
            html.element("label", "Search contracts", "for", "contract-filter");
            html.empty(
                    "input",
                    "type",
                    "search",
                    "id",
                    "contract-filter",
                    "name",
                    "q",
                    "value",
                    query,
                    "maxlength",
                    String.valueOf(MAX_QUERY),
                    "autocomplete",
                    "off",
                    "aria-describedby",
                    "contract-count");
            html.element("button", "Search", "type", "submit");
            html.close("form");
            table(html, names, query);
        });
        UiRoutes.html(ctx, 200, Layout.render(page));
    }

    private void table(Html html, List<String> names, String query) {
        html.open("table", "id", "contracts", "class", "list");
        html.open("caption", "id", "contract-count", "aria-live", "polite")
                .text(names.size() + (names.size() == 1 ? " contract" : " contracts"))
                .close("caption");
        html.open("thead").open("tr");
        for (String heading : List.of("Name", "Kind", "Owner", "Latest", "State", "Mode")) {
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        int shown = 0;
        for (String name : names) {
            List<StoredVersion> versions = services.served.versions(name);
            if (versions.isEmpty()) {
                continue;
            }
            StoredVersion newest = VersionResolver.resolve(new VersionResolver.Request("latest", false), versions)
                    .orElse(versions.get(versions.size() - 1));
            Facts.Doc doc = facts.of(newest);
            String search = String.join(" ", name, nullToEmpty(doc.kind()), nullToEmpty(doc.owner()), newest.version())
                    .toLowerCase(Locale.ROOT);
            boolean hidden = query != null && !search.contains(query.toLowerCase(Locale.ROOT));
            shown += hidden ? 0 : 1;
            html.open("tr", "data-search", search, "hidden", hidden ? "" : null);
            html.open("th", "scope", "row").link(Urls.contract(name), name).close("th");
            html.element("td", doc.kind());
            html.element("td", doc.owner());
            html.open("td")
                    .link(Urls.version(name, newest.version()), newest.version())
                    .close("td");
            html.open("td")
                    .element(
                            "span",
                            newest.state().name().toLowerCase(Locale.ROOT),
                            "class",
                            "state " + stateClass(newest))
                    .close("td");
            html.element(
                    "td", services.store.mode(name).orElse(services.defaultMode).name());
            html.close("tr");
        }
        html.close("tbody").close("table");
        html.element(
                "p",
                query == null ? "" : shown + " match '" + query + "'.",
                "id",
                "contract-matches",
                "class",
                "matches");
    }

    private static String stateClass(StoredVersion version) {
        return version.state().name().toLowerCase(Locale.ROOT);
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String trimmed = q.strip();
        return trimmed.length() > MAX_QUERY ? trimmed.substring(0, MAX_QUERY) : trimmed;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
