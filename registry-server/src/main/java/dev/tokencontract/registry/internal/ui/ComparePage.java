package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.registry.internal.ContractNames;
import dev.tokencontract.registry.internal.Problem;
import dev.tokencontract.registry.internal.ProblemCode;
import dev.tokencontract.registry.internal.Services;
import dev.tokencontract.registry.internal.VersionResolver;
import dev.tokencontract.registry.store.StoredVersion;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /ui/contracts/{name}/compare?from=A&to=B}: every classified change from A to B (what {@code GET
 * /contracts/{name}/diff} answers), the contract's mode, and whether publishing B would pass it (what {@code POST
 * /contracts/{name}/compatibility} answers for B's document), with the counterexample claim sets the registry's
 * search found. Without {@code from}/{@code to}: the previous version against the latest.
 */
final class ComparePage {
    private final Services services;
    private final PublishVerdicts verdicts;

    ComparePage(Services services, PublishVerdicts verdicts) {
        this.services = services;
        this.verdicts = verdicts;
    }

    void render(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        List<StoredVersion> versions = services.served.versions(name);
        if (versions.isEmpty()) {
            throw Problem.of(ProblemCode.CONTRACT_NOT_FOUND, "no contract named '" + name + "'");
        }
        StoredVersion to = pick(name, ctx.queryParam("to"), versions, versions.size() - 1);
        StoredVersion from = pick(name, ctx.queryParam("from"), versions, Math.max(0, versions.indexOf(to) - 1));
        CompatibilityMode mode = services.store.mode(name).orElse(services.defaultMode);
        ContractDiff diff = services.compatibility.diff(from, to);
        List<Change> refusedPair = diff.refusedBy(mode, false);
        PublishVerdicts.Check verdict =
                verdicts.of(to, versions, mode, ctx.req().getRemoteAddr());
        Page page = new Page("Compare " + name, Page.Section.CONTRACTS, List.of("compare.js"), html -> {
            html.open("p")
                    .text("Contract ")
                    .link(Urls.contract(name), name)
                    .text(", mode ")
                    .element("strong", mode.name(), "id", "mode")
                    .text(".")
                    .close("p");
            CompareSections.picker(html, name, from, to, versions);
            if (from.version().equals(to.version())) {
                html.element("p", "Pick two different versions to see what changed.", "class", "note");
            } else {
                CompareSections.changes(html, from, to, diff, refusedPair);
            }
            CompareSections.verdict(html, name, to, verdict);
        });
        UiRoutes.html(ctx, 200, Layout.render(page));
    }

    private static StoredVersion pick(String name, String text, List<StoredVersion> versions, int fallback) {
        if (text == null || text.isEmpty()) {
            return versions.get(fallback);
        }
        if (!VersionResolver.isExact(text)) {
            throw Problem.of(ProblemCode.INVALID_VERSION, "compare exact versions, e.g. 1.2.0");
        }
        return versions.stream()
                .filter(v -> v.version().equals(text))
                .findFirst()
                .orElseThrow(() ->
                        Problem.of(ProblemCode.VERSION_NOT_FOUND, "'" + name + "' has no version '" + text + "'"));
    }
}
