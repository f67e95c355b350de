package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.compat.SearchResult;
import dev.tokencontract.registry.internal.Compatibility;
import dev.tokencontract.registry.internal.Json;
import dev.tokencontract.registry.store.StoredVersion;
import java.util.List;
import java.util.Locale;

/** The parts of the compare page: the version picker, the changes table, the publish verdict. */
final class CompareSections {
    private CompareSections() {}

    /** The badge text of a change class, as the issue and docs name them. */
    static String badge(ChangeClass changeClass) {
        return switch (changeClass) {
            case BREAKING_FOR_CONSUMERS -> "consumer-breaking";
            case BREAKING_FOR_PRODUCERS -> "producer-breaking";
            case AUTHORIZATION_WIDENING -> "authorization-widening";
            case COSMETIC -> "cosmetic";
        };
    }

    static void picker(Html html, String name, StoredVersion from, StoredVersion to, List<StoredVersion> versions) {
        html.open("form", "class", "picker", "method", "get", "action", Urls.contract(name) + "/compare");
        select(html, "from", "From", from, versions);
        select(html, "to", "To", to, versions);
        html.element("button", "Compare", "type", "submit");
        html.element("button", "Swap", "type", "button", "class", "secondary", "id", "swap", "hidden", "");
        html.close("form");
    }

    private static void select(Html html, String id, String label, StoredVersion chosen, List<StoredVersion> versions) {
        html.element("label", label, "for", id);
        html.open("select", "id", id, "name", id);
        for (int i = versions.size() - 1; i >= 0; i--) {
            String v = versions.get(i).version();
            html.element("option", v, "value", v, "selected", v.equals(chosen.version()) ? "" : null);
        }
        html.close("select");
    }

    static void changes(Html html, StoredVersion from, StoredVersion to, ContractDiff diff, List<Change> refused) {
        html.element("h2", "Changes from " + from.version() + " to " + to.version(), "id", "changes");
        if (diff.changes().isEmpty()) {
            html.element("p", "No changes: the two versions accept and grant the same tokens.", "class", "note");
            return;
        }
        html.open("table", "class", "list", "id", "changes-table", "aria-labelledby", "changes");
        html.open("thead").open("tr");
        for (String heading : List.of("Classes", "Change", "Pointer", "Before → after", "Mode")) {
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (Change change : diff.changes()) {
            html.open("tr");
            html.open("td");
            badges(html, change);
            html.close("td");
            html.open("td")
                    .element("code", change.kind().wireName())
                    .empty("br")
                    .text(change.explanation());
            html.close("td");
            html.open("td").element("code", change.pointer()).close("td");
            html.open("td", "class", "mono")
                    .text(change.before() == null ? "(none)" : change.before())
                    .text(" → ")
                    .text(change.after() == null ? "(none)" : change.after())
                    .close("td");
            html.open("td");
            if (refused.contains(change)) {
                html.element("span", "refused", "class", "badge refused");
            } else {
                html.text("allowed");
            }
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void badges(Html html, Change change) {
        change.classes().stream().sorted().forEach(c -> html.element("span", badge(c), "class", "badge " + badge(c)));
    }

    static void verdict(Html html, String name, StoredVersion to, PublishVerdicts.Check check) {
        Compatibility.Verdict verdict = check.verdict();
        CompatibilityMode mode = verdict.mode();
        html.element("h2", "Would publishing " + to.version() + " pass?", "id", "verdict");
        List<String> against =
                verdict.compared().stream().map(StoredVersion::version).toList();
        html.open("p", "class", "verdict " + (verdict.compatible() ? "pass" : "fail"), "id", "verdict-text");
        if (mode == CompatibilityMode.NONE) {
            html.text("Yes: mode NONE compares nothing.");
        } else if (verdict.compatible()) {
            html.text("Yes: " + to.version() + " passes " + mode
                    + (against.isEmpty()
                            ? " (no earlier version to compare with)."
                            : " against " + String.join(", ", against) + "."));
        } else {
            long refused = verdict.changes().stream()
                    .filter(Compatibility.Row::refused)
                    .count();
            html.text("No: " + mode + " refuses " + refused + " change(s) against " + String.join(", ", against) + ".");
        }
        html.close("p");
        if (!verdict.compatible() && check.passesWhenWideningAcknowledged()) {
            html.open("p")
                    .text("It would pass with ")
                    .element("code", "?acknowledge=authorization-widening")
                    .text(": the refused changes grant more, and a publisher must say so.")
                    .close("p");
        }
        if (check.searchDeferred()) {
            html.element(
                    "p",
                    "No counterexample search this time: this address has used its share of compatibility dry runs;"
                            + " reload in a minute.",
                    "class",
                    "note");
        }
        refusedRows(html, verdict);
        counterexamples(html, verdict);
        html.open("p", "class", "note")
                .text("The same answer as ")
                .element("code", "POST /contracts/" + name + "/compatibility")
                .text(" with this version's document.")
                .close("p");
    }

    private static void refusedRows(Html html, Compatibility.Verdict verdict) {
        List<Compatibility.Row> refused =
                verdict.changes().stream().filter(Compatibility.Row::refused).toList();
        if (refused.isEmpty()) {
            return;
        }
        html.open("table", "class", "list", "id", "refused-table", "aria-describedby", "verdict-text");
        html.element("caption", "Refused changes");
        html.open("thead").open("tr");
        for (String heading : List.of("Against", "Classes", "Pointer", "Change")) {
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (Compatibility.Row row : refused) {
            html.open("tr").element("td", row.against()).open("td");
            badges(html, row.change());
            html.close("td").open("td").element("code", row.change().pointer()).close("td");
            html.element("td", row.change().explanation()).close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void counterexamples(Html html, Compatibility.Verdict verdict) {
        if (verdict.counterexamples() == null) {
            return;
        }
        for (Compatibility.Found found : verdict.counterexamples()) {
            String direction = badge(found.counterexample().direction());
            html.open("section", "class", "counterexample", "aria-label", "Counterexample " + direction);
            html.open("h3")
                    .text("Counterexample (" + direction + ", against " + found.against() + ")")
                    .close("h3");
            html.open("p")
                    .text("Claims at ")
                    .element("code", found.counterexample().pointer())
                    .text(" break rule " + found.counterexample().rule() + " (seed "
                            + found.counterexample().seed() + "):")
                    .close("p");
            html.element(
                    "pre",
                    Json.MAPPER
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(found.counterexample().claims()),
                    "class",
                    "claims",
                    "tabindex",
                    "0");
            html.close("section");
        }
        for (Compatibility.NotSearched skipped : verdict.notSearched()) {
            String why = skipped.reason().equals(SearchResult.BUDGET)
                    ? "the registry's search time budget ran out; reload later to search again"
                    : skipped.reason().toLowerCase(Locale.ROOT);
            html.element(
                    "p",
                    "No counterexample for " + badge(skipped.direction()) + " against " + skipped.against() + ": " + why
                            + ".",
                    "class",
                    "note");
        }
    }
}
