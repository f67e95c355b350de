package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.registry.internal.ContractNames;
import dev.tokencontract.registry.internal.Json;
import dev.tokencontract.registry.internal.Problem;
import dev.tokencontract.registry.internal.ProblemCode;
import dev.tokencontract.registry.internal.Services;
import dev.tokencontract.registry.internal.VersionResolver;
import dev.tokencontract.registry.store.StoredVersion;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /ui/contracts/{name}[?version=V]}: one version of a contract (default: latest, else the newest) with
 * its facts, the {@code tokencontract.lock} pin, the claims, {@code x-jose} and {@code x-authorization} tables, every
 * version of the contract, and the raw JSON with a copy button ({@code copy.js}).
 */
final class ContractPage {
    private final Services services;
    private final Facts facts;

    ContractPage(Services services, Facts facts) {
        this.services = services;
        this.facts = facts;
    }

    void render(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        List<StoredVersion> versions = services.served.versions(name);
        if (versions.isEmpty()) {
            throw Problem.of(ProblemCode.CONTRACT_NOT_FOUND, "no contract named '" + name + "'");
        }
        StoredVersion shown = pick(name, ctx.queryParam("version"), versions);
        Facts.Doc doc = facts.of(shown);
        String mode = services.store.mode(name).orElse(services.defaultMode).name();
        String registry = ctx.scheme() + "://" + ctx.host();
        Page page = new Page(name, Page.Section.CONTRACTS, List.of("copy.js"), html -> {
            picker(html, name, shown, versions);
            facts(html, shown, doc, mode);
            pin(html, shown, registry);
            ContractSections.claims(html, doc.document());
            ContractSections.jose(html, doc.document().path("x-jose"));
            ContractSections.authorization(html, doc.document().path("x-authorization"));
            versionTable(html, name, shown, versions);
            raw(html, shown, doc);
        });
        UiRoutes.html(ctx, 200, Layout.render(page));
    }

    private static StoredVersion pick(String name, String text, List<StoredVersion> versions) {
        if (text == null || text.isEmpty()) {
            text = "latest";
        }
        VersionResolver.Request request = VersionResolver.parse(text);
        String wanted = text;
        if (request.exact()) {
            return versions.stream()
                    .filter(v -> v.version().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> notFound(name, wanted));
        }
        return VersionResolver.resolve(request, versions).orElseGet(() -> {
            if (wanted.equals("latest")) {
                return versions.get(versions.size() - 1); // every version deprecated: show the newest
            }
            throw notFound(name, wanted);
        });
    }

    private static Problem notFound(String name, String version) {
        return Problem.of(ProblemCode.VERSION_NOT_FOUND, "'" + name + "' has no version matching '" + version + "'");
    }

    private static void picker(Html html, String name, StoredVersion shown, List<StoredVersion> versions) {
        html.open("form", "class", "picker", "method", "get", "action", Urls.contract(name));
        html.element("label", "Version", "for", "version");
        html.open("select", "id", "version", "name", "version");
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredVersion v = versions.get(i);
            html.element(
                    "option",
                    v.version() + (v.state().name().equals("ACTIVE") ? "" : " (" + state(v) + ")"),
                    "value",
                    v.version(),
                    "selected",
                    v.version().equals(shown.version()) ? "" : null);
        }
        html.close("select");
        html.element("button", "Show", "type", "submit");
        int index = versions.indexOf(shown);
        if (index > 0) {
            html.link(
                    Urls.compare(name, versions.get(index - 1).version(), shown.version()),
                    "Compare with " + versions.get(index - 1).version());
        }
        html.close("form");
    }

    private static void facts(Html html, StoredVersion shown, Facts.Doc doc, String mode) {
        html.open("dl", "class", "facts");
        term(html, "Version", shown.version());
        html.element("dt", "State").open("dd").element("span", state(shown), "class", "state " + state(shown));
        html.close("dd");
        term(html, "Kind", doc.kind());
        term(html, "Owner", doc.owner());
        term(html, "Compatibility mode", mode);
        term(html, "Description", doc.description());
        String id = Facts.text(doc.document().get("$id"));
        html.element("dt", "$id").open("dd").link(id, id == null ? "—" : id).close("dd");
        term(html, "Digest", shown.digest());
        term(html, "Published", shown.publishedAt() + " by " + shown.publishedBy());
        html.close("dl");
    }

    private static void pin(Html html, StoredVersion shown, String registry) {
        String sha = shown.digest().startsWith("sha-256:") ? shown.digest().substring(8) : shown.digest();
        String entry = Json.NODES
                .objectNode()
                .put("name", shown.name())
                .put("version", shown.version())
                .put("sha256", sha)
                .toString();
        html.element("h2", "Pin it", "id", "pin");
        html.open("p")
                .text("Entry in ")
                .element("code", "tokencontract.lock")
                .text(" (")
                .element("code", "contracts")
                .text(" array):")
                .close("p");
        html.open("div", "class", "pin");
        html.element("code", entry, "id", "pin-line");
        html.element("button", "Copy pin", "type", "button", "class", "secondary", "data-copy", "pin-line");
        html.close("div");
        html.open("p")
                .text("or let the CLI write it: ")
                .element(
                        "code",
                        "tokencontract lock " + shown.name() + "@" + shown.version() + " --registry " + registry)
                .close("p");
    }

    private static void versionTable(Html html, String name, StoredVersion shown, List<StoredVersion> versions) {
        html.element("h2", "Versions", "id", "versions");
        html.open("table", "class", "list", "aria-labelledby", "versions")
                .open("thead")
                .open("tr");
        for (String heading : List.of("Version", "State", "Digest", "Published by", "Published at", "Changes")) {
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredVersion v = versions.get(i);
            html.open("tr", "aria-current", v.version().equals(shown.version()) ? "true" : null);
            html.open("th", "scope", "row")
                    .link(Urls.version(name, v.version()), v.version())
                    .close("th");
            html.open("td")
                    .element("span", state(v), "class", "state " + state(v))
                    .close("td");
            html.element("td", v.digest(), "class", "mono");
            html.element("td", v.publishedBy());
            html.element("td", v.publishedAt().toString());
            html.open("td");
            if (i > 0) {
                html.link(
                        Urls.compare(name, versions.get(i - 1).version(), v.version()),
                        "since " + versions.get(i - 1).version());
            }
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void raw(Html html, StoredVersion shown, Facts.Doc doc) {
        html.element("h2", "Raw JSON", "id", "raw");
        html.open("p", "class", "note")
                .text("Pretty-printed. The digest covers the bytes served at ")
                .link(
                        "/contracts/" + Html.segment(shown.name()) + "/versions/" + Html.segment(shown.version()),
                        "/contracts/" + shown.name() + "/versions/" + shown.version())
                .text(".")
                .close("p");
        html.open("div", "class", "pin");
        html.element("button", "Copy JSON", "type", "button", "data-copy", "raw-json");
        html.element("span", "", "class", "status", "role", "status", "id", "copy-status");
        html.close("div");
        html.open("pre", "id", "raw-json", "tabindex", "0", "aria-labelledby", "raw")
                .text(doc.pretty())
                .close("pre");
    }

    private static void term(Html html, String term, String value) {
        html.element("dt", term).element("dd", value == null ? "—" : value);
    }

    static String state(StoredVersion v) {
        return v.state().name().toLowerCase(Locale.ROOT);
    }
}
